// Internal to frontline_text: turning extracted blocks of text into clean
// paragraphs without boilerplate. Not a public header.
#ifndef FRONTLINE_LIBS_TEXT_PARAGRAPHS_H_
#define FRONTLINE_LIBS_TEXT_PARAGRAPHS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "libs/text/boilerplate.h"
#include "libs/text/unicode_normalizer.h"

namespace frontline::text::internal {

// One block of a document as extracted: a paragraph, a heading, or a whole
// list (one item a line).
struct Block {
  std::string text;
  bool is_list = false;
  // Non-space bytes of `text`, and how many of them were link text.
  size_t text_bytes = 0;
  size_t link_bytes = 0;
};

struct Paragraphs {
  std::string text;  // Paragraphs in stored form, separated by "\n\n".
  int dropped = 0;   // Blocks judged boilerplate.
};

// Cleans every block (UnicodeNormalizer::Clean; lines inside a block stay
// single lines), drops empty blocks, the blocks `filter` rejects (a section
// heading takes the list after it along), and, when `drop_link_lists`,
// blocks that are mostly link text and short (navigation). `filter` may be
// null: nothing is judged boilerplate.
Paragraphs AssembleParagraphs(const std::vector<Block>& blocks,
                              const UnicodeNormalizer& normalizer,
                              const BoilerplateFilter* filter,
                              bool drop_link_lists);

}  // namespace frontline::text::internal

#endif  // FRONTLINE_LIBS_TEXT_PARAGRAPHS_H_
