#include "tools/frontlinectl/proto_json.h"

#include "frontline/v1/conflict_state.pb.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace frontline::ctl {
namespace {

TEST(ProtoJsonTest, KeepsProtoFieldNamesAndZeroValues) {
  v1::ListEventsResponse response;
  v1::Event* e = response.add_events();
  e->set_id("cap");
  e->set_place_id("ua.donetsk.kurakhove");
  e->set_side(v1::SIDE_RUSSIA);
  const nlohmann::json json = nlohmann::json::parse(ToJson(response));
  ASSERT_EQ(json["events"].size(), 1u);
  EXPECT_EQ(json["events"][0]["place_id"], "ua.donetsk.kurakhove");
  EXPECT_EQ(json["events"][0]["side"], "SIDE_RUSSIA");
  EXPECT_EQ(json["events"][0]["independent_sources"], 0);
  EXPECT_EQ(json["next_page_token"], "");
  EXPECT_FALSE(json["events"][0].contains("placeId"));
}

}  // namespace
}  // namespace frontline::ctl
