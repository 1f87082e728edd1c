#include "libs/extract/phrase_matcher.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "libs/extract/utf8.h"

namespace frontline::extract {

std::vector<Token> Tokenize(const gazetteer::Normalizer& normalizer,
                            absl::string_view text) {
  const gazetteer::NormalizedText normalized = normalizer.Normalize(text);
  const std::string& folded = normalized.text;
  std::vector<Token> tokens;
  size_t i = 0;
  size_t word_begin = std::string::npos;
  auto close = [&](size_t end) {
    if (word_begin == std::string::npos) return;
    Token token;
    token.folded = folded.substr(word_begin, end - word_begin);
    token.begin = normalized.original_begin[word_begin];
    token.end = normalized.original_end[end - 1];
    tokens.push_back(std::move(token));
    word_begin = std::string::npos;
  };
  while (i < folded.size()) {
    size_t length = 0;
    const int32_t cp = DecodeUtf8(folded, i, &length);
    if (gazetteer::Normalizer::IsWordChar(cp)) {
      if (word_begin == std::string::npos) word_begin = i;
    } else {
      close(i);
    }
    i += length;
  }
  close(folded.size());
  return tokens;
}

bool PhraseMatcher::Add(const gazetteer::Normalizer& normalizer,
                        absl::string_view phrase, uint32_t payload) {
  Phrase p;
  p.payload = payload;
  for (Token& token : Tokenize(normalizer, phrase)) {
    Word word;
    word.prefix = token.end < phrase.size() && phrase[token.end] == '*';
    word.text = std::move(token.folded);
    p.words.push_back(std::move(word));
  }
  if (p.words.empty()) return false;
  const uint32_t index = phrases_.size();
  const Word& first = p.words.front();
  if (first.prefix) {
    by_prefix_[first.text].push_back(index);
    if (std::find(prefix_lengths_.begin(), prefix_lengths_.end(),
                  first.text.size()) == prefix_lengths_.end()) {
      prefix_lengths_.push_back(first.text.size());
      std::sort(prefix_lengths_.begin(), prefix_lengths_.end());
    }
  } else {
    by_word_[first.text].push_back(index);
  }
  phrases_.push_back(std::move(p));
  return true;
}

bool PhraseMatcher::Matches(const Phrase& phrase,
                            const std::vector<Token>& tokens,
                            size_t first) const {
  if (first + phrase.words.size() > tokens.size()) return false;
  for (size_t w = 0; w < phrase.words.size(); ++w) {
    const Word& word = phrase.words[w];
    const std::string& token = tokens[first + w].folded;
    if (word.prefix ? !absl::StartsWith(token, word.text)
                    : token != word.text) {
      return false;
    }
  }
  return true;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::Find(
    const std::vector<Token>& tokens) const {
  std::vector<Match> matches;
  auto consider = [&](const std::vector<uint32_t>& candidates, size_t i) {
    for (uint32_t index : candidates) {
      const Phrase& phrase = phrases_[index];
      if (Matches(phrase, tokens, i)) {
        matches.push_back({phrase.payload, static_cast<uint32_t>(i),
                           static_cast<uint32_t>(i + phrase.words.size())});
      }
    }
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i].folded;
    if (auto it = by_word_.find(token); it != by_word_.end()) {
      consider(it->second, i);
    }
    for (size_t length : prefix_lengths_) {
      if (length > token.size()) break;
      auto it = by_prefix_.find(absl::string_view(token).substr(0, length));
      if (it != by_prefix_.end()) consider(it->second, i);
    }
  }
  return matches;
}

}  // namespace frontline::extract
