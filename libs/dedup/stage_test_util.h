// Test support for the dedup stage: a document with one capture claim,
// and a fixture with the pipeline's topics on either engine and a fresh
// stage directory.
#ifndef FRONTLINE_LIBS_DEDUP_STAGE_TEST_UTIL_H_
#define FRONTLINE_LIBS_DEDUP_STAGE_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "frontline/v1/document.pb.h"
#include "gtest/gtest.h"
#include "libs/bus/testing/test_bus.h"
#include "libs/pipeline/raw_documents.h"
#include "libs/pipeline/topics.h"

namespace frontline::dedup::testing {

inline constexpr char kText[] =
    "The Russian Ministry of Defense claimed on Monday that its forces had "
    "seized control of Kurakhove, an industrial town in the Donetsk region, "
    "after more than two months of fighting. Ukraine's military did not "
    "comment on the claim. The ministry said 150 Ukrainian soldiers were "
    "killed in the battle for the town's thermal power plant.";

inline v1::Document Doc(const std::string& id, const std::string& source,
                        v1::Affiliation affiliation, int64_t published) {
  v1::Document doc;
  doc.set_id(id);
  doc.mutable_source()->set_id(source);
  doc.mutable_source()->set_affiliation(affiliation);
  doc.set_external_id(id);
  doc.set_version(1);
  doc.set_language("en");
  doc.set_text(kText);
  doc.mutable_published_time()->set_seconds(published);
  doc.set_content_hash(pipeline::ContentHashHex(kText));
  v1::Claim* claim = doc.add_claims();
  claim->set_id(id + "/0");
  claim->set_document_id(id);
  claim->set_type(v1::CLAIM_TYPE_CAPTURE);
  claim->set_polarity(v1::POLARITY_ASSERTED);
  claim->set_side(v1::SIDE_RUSSIA);
  claim->set_place_id("ua.donetsk.kurakhove");
  claim->mutable_claimant()->set_id("ru.mod");
  claim->mutable_claimant()->set_side(v1::SIDE_RUSSIA);
  claim->mutable_time()->set_seconds(published);
  return doc;
}

class DedupStageTest : public ::testing::TestWithParam<bus::testing::Engine> {
 protected:
  void SetUp() override {
    bus_ = std::make_unique<bus::testing::TestBus>(GetParam());
    for (const auto& spec : pipeline::PipelineTopics(2)) {
      ASSERT_TRUE(bus_->CreateTopic(spec).ok());
    }
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("dedup-stage-", getpid(), "-",
                        bus::testing::EngineName(GetParam()));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Send(const bus::Message& m) {
    auto r = bus_->bus().ProduceSync(m, absl::Seconds(30));
    ASSERT_TRUE(r.ok() && r->status.ok());
  }
  std::unique_ptr<bus::testing::TestBus> bus_;
  std::filesystem::path dir_;
};

}  // namespace frontline::dedup::testing

#endif  // FRONTLINE_LIBS_DEDUP_STAGE_TEST_UTIL_H_
