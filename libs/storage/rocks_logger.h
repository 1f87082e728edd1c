// RocksDB's info log through spdlog instead of a LOG file in the store's
// directory. Promises: only warnings and errors are reported, prefixed with
// the store's name; nothing is written to the data disk, so a full disk
// cannot make RocksDB's own logging fail (Debian's RocksDB 7.8 aborts on an
// assertion when it logs to a LOG file that already failed a write).
#ifndef FRONTLINE_LIBS_STORAGE_ROCKS_LOGGER_H_
#define FRONTLINE_LIBS_STORAGE_ROCKS_LOGGER_H_

#include <memory>
#include <string>

#include "rocksdb/env.h"

namespace frontline::storage {

// For rocksdb::Options::info_log of the store called `name`.
std::shared_ptr<rocksdb::Logger> RocksLogger(const std::string& name);

}  // namespace frontline::storage

#endif  // FRONTLINE_LIBS_STORAGE_ROCKS_LOGGER_H_
