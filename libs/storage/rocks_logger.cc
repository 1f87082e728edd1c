#include "libs/storage/rocks_logger.h"

#include <cstdarg>
#include <cstdio>

#include "spdlog/spdlog.h"

namespace frontline::storage {
namespace {

class SpdlogLogger : public rocksdb::Logger {
 public:
  explicit SpdlogLogger(std::string name)
      : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL),
        name_(std::move(name)) {}

  using rocksdb::Logger::Logv;
  void Logv(const rocksdb::InfoLogLevel level, const char* format,
            va_list ap) override {
    if (level < GetInfoLogLevel() ||
        level == rocksdb::InfoLogLevel::HEADER_LEVEL) {
      return;
    }
    char message[1024];
    std::vsnprintf(message, sizeof(message), format, ap);
    if (level >= rocksdb::InfoLogLevel::ERROR_LEVEL) {
      spdlog::error("rocksdb {}: {}", name_, message);
    } else {
      spdlog::warn("rocksdb {}: {}", name_, message);
    }
  }

 protected:
  rocksdb::Status CloseImpl() override { return rocksdb::Status::OK(); }

 private:
  const std::string name_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> RocksLogger(const std::string& name) {
  return std::make_shared<SpdlogLogger>(name);
}

}  // namespace frontline::storage
