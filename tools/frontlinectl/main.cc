// `frontlinectl`: the command-line client of a Frontline server.
#include <iostream>

#include "CLI/CLI.hpp"

int main(int argc, char** argv) {
  CLI::App app{"frontlinectl: query and feed a Frontline server"};
  std::string server = "127.0.0.1:7600";
  bool json = false;
  app.add_option("--server", server, "Server address HOST:PORT")
      ->capture_default_str();
  app.add_flag("--json", json, "Print one JSON document");
  app.require_subcommand(0, 1);
  CLI11_PARSE(app, argc, argv);
  std::cout << app.help();
  return 0;
}
