// Throughput of the text stages over seed-like news pages, beside two
// ceilings measured on the same bytes in the same run: a memchr scan for
// '<' and a bare gumbo parse.
#include <gumbo.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "benchmark/benchmark.h"
#include "libs/testing/seeds.h"
#include "libs/text/boilerplate.h"
#include "libs/text/html_to_text.h"
#include "libs/text/language_id.h"
#include "libs/text/unicode_normalizer.h"

namespace frontline::text {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A seed report as a news site would serve it: head, scripts, navigation,
// byline, share bar, the paragraphs, "See also", footers.
std::string AsNewsPage(const std::string& seed) {
  std::string body;
  for (absl::string_view line :
       absl::StrSplit(seed, '\n', absl::SkipWhitespace())) {
    absl::StrAppend(&body, "      <p>", line, "</p>\n");
  }
  return absl::StrCat(
      "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Report"
      "</title><style>body{font:16px serif}.share{display:flex}</style>"
      "<script>window.dataLayer=window.dataLayer||[];</script></head><body>"
      "<div id=cookie-banner>We use cookies. <button>Accept</button></div>"
      "<header><nav><ul><li><a href=/world>World</a></li><li><a href=/europe>"
      "Europe</a></li><li><a href=/ukraine>Ukraine</a></li></ul></nav>"
      "</header><main><article><header><h1>Report</h1><p class=byline>By "
      "Jane Doe</p></header><div class=share-bar><a href=#>Share</a></div>\n",
      body,
      "      <p>See also:</p><ul><li><a href=/1>Other story</a></li></ul>"
      "<p><em>This story was originally published by Example Wire.</em></p>"
      "<div class=newsletter><p>Subscribe to our newsletter</p></div>"
      "</article><aside><h3>Most read</h3></aside></main><footer>&copy; 2025 "
      "Example</footer></body></html>");
}

struct Corpus {
  std::vector<std::string> pages;
  size_t bytes = 0;
};

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    absl::StatusOr<std::vector<seeds::Seed>> loaded =
        seeds::ReadSeeds(seeds::SeedsDir());
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      std::exit(1);
    }
    for (const seeds::Seed& seed : *loaded) {
      c->pages.push_back(AsNewsPage(seed.text));
    }
    for (const char* fixture :
         {"english_article.html", "ukrainian_article.html",
          "russian_article.html"}) {
      c->pages.push_back(
          ReadAll(std::filesystem::path(FRONTLINE_TEXT_TESTDATA) / fixture));
    }
    for (const std::string& page : c->pages) c->bytes += page.size();
    return c;
  }();
  return *corpus;
}

struct Stages {
  UnicodeNormalizer normalizer;
  BoilerplateFilter boilerplate;
  LanguageIdentifier languages;
};

const Stages& GetStages() {
  static const Stages* stages = [] {
    auto normalizer = UnicodeNormalizer::Create();
    auto boilerplate = BoilerplateFilter::Load(
        FRONTLINE_TEXT_DATA "/boilerplate.txt", *normalizer);
    auto languages =
        LanguageIdentifier::Load(FRONTLINE_TEXT_DATA "/languages.txt");
    if (!boilerplate.ok() || !languages.ok()) std::abort();
    return new Stages{*normalizer, *std::move(boilerplate),
                      *std::move(languages)};
  }();
  return *stages;
}

void Count(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          corpus.bytes);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          corpus.pages.size());
  state.counters["docs_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * corpus.pages.size()),
      benchmark::Counter::kIsRate);
}

// Ceiling 1: touching every byte once.
void BM_MemchrScan(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    size_t tags = 0;
    for (const std::string& page : corpus.pages) {
      const char* p = page.data();
      const char* end = p + page.size();
      while ((p = static_cast<const char*>(std::memchr(p, '<', end - p)))) {
        ++tags;
        ++p;
      }
    }
    benchmark::DoNotOptimize(tags);
  }
  Count(state);
}
BENCHMARK(BM_MemchrScan);

// Ceiling 2: building and freeing gumbo's tree, nothing else.
void BM_GumboParse(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    for (const std::string& page : corpus.pages) {
      GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions,
                                                     page.data(), page.size());
      benchmark::DoNotOptimize(output->root);
      gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
  }
  Count(state);
}
BENCHMARK(BM_GumboParse);

// HtmlToText::Extract: parse, content root, blocks, Clean, boilerplate.
void BM_HtmlToText(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  const Stages& stages = GetStages();
  HtmlToText extractor(stages.normalizer, stages.boilerplate);
  for (auto _ : state) {
    for (const std::string& page : corpus.pages) {
      auto out = extractor.Extract(page);
      benchmark::DoNotOptimize(out);
    }
  }
  Count(state);
}
BENCHMARK(BM_HtmlToText);

// What the normalize stage will do per page: text, its key, its language.
void BM_HtmlToTextKeyLanguage(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  const Stages& stages = GetStages();
  HtmlToText extractor(stages.normalizer, stages.boilerplate);
  for (auto _ : state) {
    for (const std::string& page : corpus.pages) {
      auto out = extractor.Extract(page);
      std::string key = stages.normalizer.Key(out->text);
      LanguageGuess guess = stages.languages.Identify(out->text);
      benchmark::DoNotOptimize(key);
      benchmark::DoNotOptimize(guess);
    }
  }
  Count(state);
}
BENCHMARK(BM_HtmlToTextKeyLanguage);

// The extracted texts, for the stages after extraction on their own.
const std::vector<std::string>& Texts() {
  static const auto* texts = [] {
    auto* t = new std::vector<std::string>;
    const Stages& stages = GetStages();
    HtmlToText extractor(stages.normalizer, stages.boilerplate);
    for (const std::string& page : GetCorpus().pages) {
      t->push_back(extractor.Extract(page)->text);
    }
    return t;
  }();
  return *texts;
}

void CountText(benchmark::State& state) {
  size_t bytes = 0;
  for (const std::string& text : Texts()) bytes += text.size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
  state.counters["docs_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * Texts().size()),
      benchmark::Counter::kIsRate);
}

// UnicodeNormalizer::Key over extracted text (MB/s of text, not HTML).
void BM_KeyOfText(benchmark::State& state) {
  const Stages& stages = GetStages();
  for (auto _ : state) {
    for (const std::string& text : Texts()) {
      std::string key = stages.normalizer.Key(text);
      benchmark::DoNotOptimize(key);
    }
  }
  CountText(state);
}
BENCHMARK(BM_KeyOfText);

// LanguageIdentifier::Identify over extracted text (MB/s of text).
void BM_LanguageOfText(benchmark::State& state) {
  const Stages& stages = GetStages();
  for (auto _ : state) {
    for (const std::string& text : Texts()) {
      LanguageGuess guess = stages.languages.Identify(text);
      benchmark::DoNotOptimize(guess);
    }
  }
  CountText(state);
}
BENCHMARK(BM_LanguageOfText);

}  // namespace
}  // namespace frontline::text

BENCHMARK_MAIN();
