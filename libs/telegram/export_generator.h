// Test and benchmark support: synthetic Telegram Desktop exports, built from
// a rotation of realistic messages (plain and entity-array text, forwards,
// edits, replies, media, service entries). Not part of the library.
#ifndef FRONTLINE_LIBS_TELEGRAM_EXPORT_GENERATOR_H_
#define FRONTLINE_LIBS_TELEGRAM_EXPORT_GENERATOR_H_

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"

namespace frontline::telegram::testing {

// One export of `messages` entries; every 50th is a service entry.
inline std::string GenerateExport(int messages) {
  static constexpr const char* kTexts[] = {
      R"("Ворог просунувся в Курахове та поблизу Дачного. Бої тривають на околицях міста, в районі ТЕС.")",
      R"([{"type":"bold","text":"Сили оборони розпочали наступ на Курщині"},"\n\nПідрозділи ЗСУ атакують у напрямку Бердіна та Великого Солдатського, північно-східніше Суджі. Мапа: ",{"type":"text_link","text":"DeepStateMap","href":"https://deepstatemap.live/#10/51.3/35.4"},"\n\n",{"type":"hashtag","text":"#Курщина"}])",
      R"("Подразделения группировки войск «Центр» полностью освободили город Курахово — крупнейший населённый пункт в юго-западной части ДНР.")",
      R"(["Russian forces are trying to encircle Pokrovsk from the south; they advanced to within about 1 mile of a vital supply road. ",{"type":"link","text":"https://understandingwar.org/"}," ",{"type":"hashtag","text":"#Pokrovsk"}])",
      R"("На Курском направлении противник силами до двух механизированных рот при поддержке танков пытался атаковать в направлении Бердина. Атака отражена.")",
  };
  std::string out =
      R"({"name":"Frontline synthetic","type":"public_channel","id":1622530520,"messages":[)";
  const int64_t base_time = 1736035200;
  for (int i = 0; i < messages; ++i) {
    const int64_t id = 100000 + i;
    const int64_t date = base_time + i * 37;
    if (i > 0) out += ',';
    if (i % 50 == 49) {
      absl::StrAppend(
          &out, R"({"id":)", id,
          R"(,"type":"service","date":"2025-01-05T00:00:00","date_unixtime":")",
          date, R"(","actor":"DeepState","action":"pin_message","message_id":)",
          id - 1, R"(,"text":"","text_entities":[]})");
      continue;
    }
    absl::StrAppend(
        &out, R"({"id":)", id,
        R"(,"type":"message","date":"2025-01-05T00:00:00","date_unixtime":")",
        date, R"(","from":"DeepState","from_id":"channel1622530520")");
    if (i % 7 == 3) {
      absl::StrAppend(&out,
                      R"(,"edited":"2025-01-05T01:00:00","edited_unixtime":")",
                      date + 600, "\"");
    }
    if (i % 5 == 2) {
      out += R"(,"forwarded_from":"Генеральний штаб ЗСУ")";
    }
    if (i % 11 == 4)
      absl::StrAppend(&out, R"(,"reply_to_message_id":)", id - 3);
    if (i % 9 == 5) {
      out +=
          R"(,"photo":"photos/photo_1@05-01-2025.jpg","width":1280,"height":720)";
    }
    absl::StrAppend(&out, R"(,"text":)", kTexts[i % 5], "}");
  }
  out += "]}";
  return out;
}

}  // namespace frontline::telegram::testing

#endif  // FRONTLINE_LIBS_TELEGRAM_EXPORT_GENERATOR_H_
