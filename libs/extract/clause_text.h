// Reading the text between two words of a sentence: whether a clause ends
// there, how long it is in characters, and the same gap with quotation marks
// or a bracketed acronym set aside. All take any bytes.
#ifndef FRONTLINE_LIBS_EXTRACT_CLAUSE_TEXT_H_
#define FRONTLINE_LIBS_EXTRACT_CLAUSE_TEXT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace frontline::extract {

// Whether `gap` holds punctuation that ends a clause: ; : ( ) " « » “ ” —
// or a comma that is not inside a figure ("11,000").
bool HasClausePunctuation(absl::string_view gap);

// `s` without quotation marks: a quoted word ("had \"liberated\" the
// village") does not end a clause.
std::string WithoutQuotes(absl::string_view s);

// The gap between a name and a word next to it, without the quotes around
// the name or an acronym in brackets after it ("«Рыбаря» пишут", "the
// Russian Ministry of Defense (MoD) claimed").
absl::string_view NameGap(absl::string_view gap);

// Characters (UTF-8 code points) in `s`: gaps are measured in them so that
// Cyrillic text gets the room Latin text does.
uint32_t CodePoints(absl::string_view s);

// Whether `s` has two or more letters and none lower-case ("KHERSON",
// "КУРСК"): a dateline's place.
bool IsAllCapitals(absl::string_view s);

// Whether `s` ends in two capitalized words, a person's name ("military
// observer Kostyantyn Mashovets ", "эксперт Иван Петров").
bool EndsWithName(absl::string_view s);

// " Lt. Gen. Mykola Oleshchuk": two words or more, each capitalized.
bool IsCapitalizedName(absl::string_view s);

// "", " Oleh" or " Oleh Petrovych": at most two words, none starting with a
// lower-case ASCII letter.
bool IsFirstNames(absl::string_view s);

}  // namespace frontline::extract

#endif  // FRONTLINE_LIBS_EXTRACT_CLAUSE_TEXT_H_
