// Test support for the ingesters' tests: a Bus on the engine under test with
// a raw topic, a fresh ingest-state directory, and what landed on raw.
#ifndef FRONTLINE_LIBS_INGEST_INGESTER_TEST_BASE_H_
#define FRONTLINE_LIBS_INGEST_INGESTER_TEST_BASE_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/testing/test_bus.h"
#include "libs/fetch/host_gate.h"
#include "libs/ingest/state_store.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"

namespace frontline::ingest {

inline std::string ReadFixture(const std::string& dir,
                               const std::string& name) {
  std::ifstream in(dir + "/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class IngesterTestBase : public ::testing::TestWithParam<bus::testing::Engine> {
 protected:
  void SetUp() override {
    bus_ = std::make_unique<bus::testing::TestBus>(GetParam());
    ASSERT_TRUE(
        bus_->CreateTopic({.name = pipeline::kRawTopic, .partitions = 2}).ok());
    state_dir_ = std::filesystem::temp_directory_path() /
                 absl::StrCat("ingester-", getpid(), "-",
                              ::testing::UnitTest::GetInstance()
                                  ->current_test_info()
                                  ->test_suite_name(),
                              "-", bus::testing::EngineName(GetParam()));
    std::filesystem::remove_all(state_dir_);
  }
  void TearDown() override {
    state_.reset();
    bus_.reset();
    std::filesystem::remove_all(state_dir_);
  }
  // Opens the ingest state, closing it first if open (a restart).
  void OpenState() {
    state_.reset();
    auto state = StateStore::Open(state_dir_.string());
    ASSERT_TRUE(state.ok()) << state.status();
    state_ = *std::move(state);
  }
  // The documents on the raw topic, waiting for at least `expected`; each
  // keyed by and named with its pipeline id.
  std::vector<v1::RawDocument> RawDocs(size_t expected) {
    std::vector<v1::RawDocument> docs;
    for (const bus::Record& r : bus_->ReadAll(pipeline::kRawTopic, expected)) {
      v1::RawDocument doc;
      EXPECT_TRUE(doc.ParseFromString(r.value));
      EXPECT_EQ(r.key, doc.id());
      EXPECT_EQ(doc.id(), pipeline::RawDocumentId(doc));
      docs.push_back(doc);
    }
    return docs;
  }

  fetch::HostGate gate_{
      {.max_concurrent = 2, .min_interval = absl::ZeroDuration()}};
  std::unique_ptr<bus::testing::TestBus> bus_;
  std::filesystem::path state_dir_;
  std::unique_ptr<StateStore> state_;
};

}  // namespace frontline::ingest

#endif  // FRONTLINE_LIBS_INGEST_INGESTER_TEST_BASE_H_
