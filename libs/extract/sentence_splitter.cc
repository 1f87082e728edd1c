#include "libs/extract/sentence_splitter.h"

#include <utility>

#include "libs/extract/utf8.h"

namespace frontline::extract {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

// Closing quotes and brackets that may follow a sentence's final mark.
size_t SkipClosers(absl::string_view text, size_t i) {
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      ++i;
    } else if (text.substr(i, 3) == "\xE2\x80\x9D" ||  // ”
               text.substr(i, 3) == "\xE2\x80\x99") {  // ’
      i += 3;
    } else if (text.substr(i, 2) == "\xC2\xBB") {  // »
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// Whether the code point at text[i] may start a sentence.
bool StartsSentence(absl::string_view text, size_t i) {
  size_t length = 0;
  const int32_t cp = DecodeUtf8(text, i, &length);
  return IsUpperLetter(cp) || (cp >= '0' && cp <= '9') || cp == '"' ||
         cp == '\'' || cp == '(' || cp == 0x201C || cp == 0x00AB ||
         cp == 0x2014 || cp == 0x2013 || cp == 0x25AA || cp == 0x2022;
}

}  // namespace

SentenceSplitter::SentenceSplitter(
    absl::flat_hash_set<std::string> abbreviations, size_t max_sentence_bytes)
    : abbreviations_(std::move(abbreviations)),
      max_sentence_bytes_(max_sentence_bytes < 16 ? 16 : max_sentence_bytes) {}

bool SentenceSplitter::EndsSentence(absl::string_view text, size_t mark,
                                    size_t after) const {
  // `after` is past the closers; white space then a sentence start must follow.
  if (after >= text.size() || !IsSpace(text[after]))
    return after >= text.size();
  size_t next = after;
  while (next < text.size() && IsSpace(text[next])) ++next;
  if (next >= text.size()) return true;
  if (!StartsSentence(text, next)) return false;
  if (text[mark] != '.') return true;
  size_t word_begin = mark;
  while (word_begin > 0 && !IsSpace(text[word_begin - 1]) &&
         text[word_begin - 1] != '(') {
    --word_begin;
  }
  const absl::string_view word = text.substr(word_begin, mark - word_begin);
  if (abbreviations_.contains(word)) return false;
  size_t length = 0;
  if (!word.empty() && IsUpperLetter(DecodeUtf8(word, 0, &length)) &&
      length == word.size()) {
    return false;  // An initial: "J. Smith", "В. Зеленський".
  }
  return true;
}

std::vector<SentenceSpan> SentenceSplitter::Split(
    absl::string_view text) const {
  std::vector<SentenceSpan> spans;
  auto emit = [&](size_t begin, size_t end) {
    while (begin < end && IsSpace(text[begin])) ++begin;
    while (end > begin && IsSpace(text[end - 1])) --end;
    if (begin < end) spans.push_back({begin, end});
  };
  size_t begin = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (i - begin >= max_sentence_bytes_) {
      size_t cut = i;
      while (cut > begin && !IsSpace(text[cut - 1])) --cut;
      if (cut == begin) {
        cut = i;
        while (cut > begin &&
               (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) {
          --cut;
        }
        if (cut == begin) cut = i;
      }
      emit(begin, cut);
      begin = cut;
      continue;
    }
    const char c = text[i];
    if (c == '\n') {
      emit(begin, i);
      begin = ++i;
      continue;
    }
    size_t mark_length = 0;
    if (c == '.' || c == '!' || c == '?') {
      mark_length = 1;
    } else if (text.substr(i, 3) == "\xE2\x80\xA6") {  // …
      mark_length = 3;
    }
    if (mark_length == 0) {
      ++i;
      continue;
    }
    size_t after = i + mark_length;
    while (after < text.size() &&
           (text[after] == '.' || text[after] == '!' || text[after] == '?')) {
      ++after;
    }
    after = SkipClosers(text, after);
    if (EndsSentence(text, i, after)) {
      emit(begin, after);
      begin = after;
    }
    i = after;
  }
  emit(begin, text.size());
  return spans;
}

}  // namespace frontline::extract
