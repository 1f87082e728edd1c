// `frontlinectl`: the command-line client of a Frontline server.
#include <map>
#include <string>

#include "CLI/CLI.hpp"
#include "tools/frontlinectl/commands.h"
#include "tools/frontlinectl/query_cli.h"

int main(int argc, char** argv) {
  using frontline::ctl::kExitFailure;
  CLI::App app{"frontlinectl: query and feed a Frontline server"};
  app.require_subcommand(1);
  app.fallthrough();

  frontline::ctl::GlobalFlags global;
  app.add_option("--server", global.server, "Server address HOST:PORT")
      ->capture_default_str();
  app.add_flag("--json", global.json, "Print one JSON object on stdout");
  app.add_option("--timeout", global.timeout_seconds,
                 "Seconds to wait for the server (connecting, answers)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_flag("--tls", global.tls,
               "TLS, checking the server against the system's CAs");
  app.add_option("--tls-ca", global.tls_ca,
                 "TLS, checking the server against this CA (PEM)")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-cert", global.tls_cert,
                 "Client certificate (PEM) for mutual TLS; with --tls-key")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-key", global.tls_key, "Client private key (PEM)")
      ->check(CLI::ExistingFile);
  app.add_option("--token-file", global.token_file,
                 "Send the token in this file as `authorization: Bearer` on "
                 "every call; default FRONTLINE_API_TOKEN when set")
      ->check(CLI::ExistingFile);

  frontline::ctl::IngestFlags ingest;
  auto* ingest_cmd = app.add_subcommand(
      "ingest",
      "Read a file or URL (Telegram export, Bot API updates, RSS, Atom, RDF, "
      "JSON Feed, t.me/s page, HTML, text) and submit its documents");
  ingest_cmd->add_option("input", ingest.input, "PATH or http(s) URL")
      ->required();
  ingest_cmd->add_option(
      "--bus", ingest.bus,
      "Write straight onto the raw topic of this bus (local:DIR or "
      "kafka://host:port,...) instead of the server");
  ingest_cmd->add_option("--source-id", ingest.source_id,
                         "Source id for every document (default: derived "
                         "from the input)");
  ingest_cmd->add_option("--affiliation", ingest.affiliation,
                         "Affiliation of the source, e.g. "
                         "ukrainian-monitoring, russian-state, analyst");
  ingest_cmd
      ->add_option("--format", ingest.format,
                   "Input format; auto detects it from the content")
      ->check(
          CLI::IsMember({"auto", "telegram-export", "bot-api", "rss", "atom",
                         "rdf", "json-feed", "preview", "html", "text"}))
      ->capture_default_str();

  const frontline::ctl::QueryCli queries(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitFailure;
  }
  if (ingest_cmd->parsed()) return frontline::ctl::RunIngest(global, ingest);
  return queries.Run(global).value_or(kExitFailure);
}
