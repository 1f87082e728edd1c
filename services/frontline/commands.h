// The subcommands of `frontline`. Each returns the process exit code.
#ifndef FRONTLINE_SERVICES_FRONTLINE_COMMANDS_H_
#define FRONTLINE_SERVICES_FRONTLINE_COMMANDS_H_

#include <cstdint>
#include <string>

#include "libs/api/server.h"
#include "libs/normalize/normalizer.h"

namespace frontline {

// How the gRPC server of `run` and `state` is secured. TLS when both
// tls_cert and tls_key are given; mutual TLS with tls_client_ca; a bearer
// token from token_file, or else from FRONTLINE_API_TOKEN when set.
struct ApiSecurityFlags {
  std::string tls_cert;
  std::string tls_key;
  std::string tls_client_ca;
  std::string token_file;
};

// The server options for `listen` with `security` (reads the environment).
api::ServerOptions ServerOptionsFor(const std::string& listen,
                                    const ApiSecurityFlags& security);

struct RunFlags {
  std::string data = "var/frontline";
  std::string listen = "127.0.0.1:7600";
  // Empty: the embedded log under `data`.
  std::string bus;
  // Sources to ingest (YAML); none when empty.
  std::string config;
  normalize::NormalizerData resources;
  ApiSecurityFlags security;
  int64_t ready_lag = 1000;
};

struct IngestFlags {
  std::string bus = "local:var/frontline/bus";
  std::string config;
  std::string state;
};

// A pipeline stage between two topics.
struct StageFlags {
  std::string bus = "local:var/frontline/bus";
  // Dictionaries and gazetteer.
  normalize::NormalizerData data;
};

struct DedupFlags {
  std::string bus = "local:var/frontline/bus";
  // The fingerprint index and the event merger's state.
  std::string state = "var/frontline/dedup";
};

struct StateFlags {
  std::string bus = "local:var/frontline/bus";
  std::string view = "var/frontline/state";
  std::string listen = "127.0.0.1:7600";
  std::string places = "libs/gazetteer/data/places.tsv";
  // Ready (health of frontline.v1.ConflictState) within this many records
  // of the events topic's end.
  int64_t ready_lag = 1000;
  bool rebuild = false;
  ApiSecurityFlags security;
};

int RunAll(const RunFlags& flags);
int RunNormalize(const StageFlags& flags);
int RunDedup(const DedupFlags& flags);
int RunState(const StateFlags& flags);
int RunIngest(const IngestFlags& flags, bool feeds, bool telegram);
int RunDevKafka(int brokers, int partitions);

}  // namespace frontline

#endif  // FRONTLINE_SERVICES_FRONTLINE_COMMANDS_H_
