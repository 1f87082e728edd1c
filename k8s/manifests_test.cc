// Renders every kustomization under k8s/ with `kubectl kustomize` and checks
// the objects: probes, resources, the restricted Pod Security Standard, the
// references between objects, and that args agree with the `frontline`
// binary's subcommands and flags (as declared in services/frontline/main.cc).
// Skips when no kubectl is installed.
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "frontline/v1/conflict_state.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/pipeline/topics.h"
#include "yaml-cpp/yaml.h"

namespace frontline {
namespace {

// Subcommands and flags the manifests use before the binary has them; each
// is listed in docs/OPERATIONS.md ("Not yet in the binary"). Remove an entry
// when main.cc gains it (the test then checks it like any other).
const std::set<std::string> kPendingSubcommands = {};
const std::set<std::string> kPendingFlags = {};

constexpr char kUid[] = "10001";

std::string Kubectl() {
  if (const char* env = std::getenv("FRONTLINE_KUBECTL"); env && *env) {
    return env;
  }
  return FRONTLINE_KUBECTL;
}

// stdout of `kubectl kustomize dir`; nullopt (and the output) on failure.
std::optional<std::string> Render(const std::string& dir, std::string* err) {
  const std::string cmd = "'" + Kubectl() + "' kustomize '" + dir + "'";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) out.append(buf, n);
  const int status = pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    *err = cmd + " failed:\n" + out;
    return std::nullopt;
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The subcommands and --flags declared in main.cc.
void DeclaredInterface(std::set<std::string>* subcommands,
                       std::set<std::string>* flags) {
  const std::string main_cc = ReadFile(std::string(FRONTLINE_SOURCE_DIR) +
                                       "/services/frontline/main.cc");
  static const std::regex sub(R"(add_subcommand\(\s*\"([a-z-]+)\")");
  static const std::regex add_ingest(R"(add_ingest\(\s*\"([a-z-]+)\")");
  static const std::regex flag(R"(add_(?:option|flag)\(\s*\"(--[a-z-]+)\")");
  for (const std::regex* re : {&sub, &add_ingest}) {
    for (std::sregex_iterator it(main_cc.begin(), main_cc.end(), *re), end;
         it != end; ++it) {
      subcommands->insert((*it)[1]);
    }
  }
  for (std::sregex_iterator it(main_cc.begin(), main_cc.end(), flag), end;
       it != end; ++it) {
    flags->insert((*it)[1]);
  }
}

struct Rendered {
  std::vector<YAML::Node> objects;

  std::vector<YAML::Node> OfKind(const std::string& kind) const {
    std::vector<YAML::Node> out;
    for (const auto& o : objects) {
      if (o["kind"].as<std::string>("") == kind) out.push_back(o);
    }
    return out;
  }
  std::optional<YAML::Node> Find(const std::string& kind,
                                 const std::string& name) const {
    for (const auto& o : objects) {
      if (o["kind"].as<std::string>("") == kind &&
          o["metadata"]["name"].as<std::string>("") == name) {
        return o;
      }
    }
    return std::nullopt;
  }
  // Deployments, StatefulSets, Jobs, DaemonSets: everything with a pod
  // template.
  std::vector<YAML::Node> Workloads() const {
    std::vector<YAML::Node> out;
    for (const auto& o : objects) {
      if (o["spec"] && o["spec"]["template"] && o["spec"]["template"]["spec"]) {
        out.push_back(o);
      }
    }
    return out;
  }
};

Rendered Load(const std::string& text) {
  Rendered r;
  for (const YAML::Node& doc : YAML::LoadAll(text)) {
    if (doc.IsMap() && doc["kind"]) r.objects.push_back(doc);
  }
  return r;
}

std::string Name(const YAML::Node& o) {
  return o["kind"].as<std::string>("?") + "/" +
         o["metadata"]["name"].as<std::string>("?");
}

std::vector<std::string> Args(const YAML::Node& container) {
  std::vector<std::string> args;
  if (container["command"]) {
    for (const auto& a : container["command"]) {
      args.push_back(a.as<std::string>());
    }
  }
  if (container["args"]) {
    for (const auto& a : container["args"]) args.push_back(a.as<std::string>());
  }
  return args;
}

std::optional<std::string> FlagValue(const std::vector<std::string>& args,
                                     const std::string& flag) {
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == flag) return args[i + 1];
  }
  for (const auto& a : args) {
    if (a.rfind(flag + "=", 0) == 0) return a.substr(flag.size() + 1);
  }
  return std::nullopt;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// True when every label of `selector` is in `labels`.
bool Selects(const YAML::Node& selector, const YAML::Node& labels) {
  if (!selector || !selector.IsMap() || selector.size() == 0) return false;
  for (const auto& kv : selector) {
    if (!labels[kv.first.as<std::string>()] ||
        labels[kv.first.as<std::string>()].as<std::string>() !=
            kv.second.as<std::string>()) {
      return false;
    }
  }
  return true;
}

// The port named or numbered `port` among the container's ports.
bool HasPort(const YAML::Node& container, const YAML::Node& port) {
  for (const auto& p : container["ports"]) {
    if (port.as<std::string>() == p["name"].as<std::string>("") ||
        port.as<std::string>() == p["containerPort"].as<std::string>("")) {
      return true;
    }
  }
  return false;
}

// Checks one pod template against the restricted Pod Security Standard and
// Frontline's own rules; the references it makes must exist in `r`.
void CheckWorkload(const Rendered& r, const YAML::Node& w) {
  SCOPED_TRACE(Name(w));
  const YAML::Node pod = w["spec"]["template"]["spec"];
  const YAML::Node pod_sc = pod["securityContext"];
  EXPECT_FALSE(pod["hostNetwork"].as<bool>(false));
  EXPECT_FALSE(pod["hostPID"].as<bool>(false));
  EXPECT_FALSE(pod["hostIPC"].as<bool>(false));
  EXPECT_TRUE(pod_sc["runAsNonRoot"].as<bool>(false));
  EXPECT_EQ(pod_sc["runAsUser"].as<std::string>(""), kUid);
  EXPECT_EQ(pod_sc["seccompProfile"]["type"].as<std::string>(""),
            "RuntimeDefault");
  EXPECT_FALSE(pod["automountServiceAccountToken"].as<bool>(true));
  if (pod["serviceAccountName"]) {
    EXPECT_TRUE(
        r.Find("ServiceAccount", pod["serviceAccountName"].as<std::string>()));
  }

  // Volumes: only the kinds the restricted profile allows; references exist.
  static const std::set<std::string> kAllowedVolumes = {
      "configMap", "csi",       "downwardAPI",
      "emptyDir",  "ephemeral", "persistentVolumeClaim",
      "projected", "secret"};
  std::map<std::string, YAML::Node> volumes;
  std::set<std::string> claim_templates;
  for (const auto& t : w["spec"]["volumeClaimTemplates"]) {
    claim_templates.insert(t["metadata"]["name"].as<std::string>());
  }
  for (const auto& v : pod["volumes"]) {
    const std::string name = v["name"].as<std::string>();
    volumes[name] = static_cast<const YAML::Node&>(v);
    for (const auto& kv : v) {
      const std::string type = kv.first.as<std::string>();
      if (type == "name") continue;
      EXPECT_TRUE(kAllowedVolumes.count(type)) << name << ": " << type;
    }
    if (v["configMap"] && !v["configMap"]["optional"].as<bool>(false)) {
      EXPECT_TRUE(r.Find("ConfigMap", v["configMap"]["name"].as<std::string>()))
          << name;
    }
    if (v["secret"] && !v["secret"]["optional"].as<bool>(false)) {
      EXPECT_TRUE(r.Find("Secret", v["secret"]["secretName"].as<std::string>()))
          << name;
    }
    if (v["persistentVolumeClaim"]) {
      EXPECT_TRUE(
          r.Find("PersistentVolumeClaim",
                 v["persistentVolumeClaim"]["claimName"].as<std::string>()))
          << name;
    }
  }
  if (w["spec"]["serviceName"]) {
    const std::string svc = w["spec"]["serviceName"].as<std::string>();
    auto found = r.Find("Service", svc);
    ASSERT_TRUE(found) << svc;
    EXPECT_EQ((*found)["spec"]["clusterIP"].as<std::string>(""), "None");
  }

  std::set<std::string> subcommands, flags;
  DeclaredInterface(&subcommands, &flags);
  ASSERT_TRUE(subcommands.count("run") && flags.count("--listen"))
      << "cannot read services/frontline/main.cc";

  for (const char* list : {"initContainers", "containers"}) {
    for (const auto& c : pod[list]) {
      SCOPED_TRACE(c["name"].as<std::string>("?"));
      // Image: the frontline image with a tag that is not "latest".
      const std::string image = c["image"].as<std::string>("");
      const size_t slash = image.rfind('/');
      const std::string last =
          slash == std::string::npos ? image : image.substr(slash + 1);
      EXPECT_THAT(last, testing::MatchesRegex("frontline:[0-9A-Za-z._-]+"));
      EXPECT_FALSE(EndsWith(image, ":latest")) << image;

      const YAML::Node sc = c["securityContext"];
      EXPECT_FALSE(sc["allowPrivilegeEscalation"].as<bool>(true));
      EXPECT_FALSE(sc["privileged"].as<bool>(false));
      EXPECT_TRUE(sc["readOnlyRootFilesystem"].as<bool>(false));
      EXPECT_TRUE(sc["runAsNonRoot"].as<bool>(false));
      EXPECT_EQ(sc["runAsUser"].as<std::string>(""), kUid);
      EXPECT_EQ(sc["seccompProfile"]["type"].as<std::string>(""),
                "RuntimeDefault");
      std::set<std::string> dropped;
      for (const auto& d : sc["capabilities"]["drop"]) {
        dropped.insert(d.as<std::string>());
      }
      EXPECT_TRUE(dropped.count("ALL"));
      EXPECT_FALSE(sc["capabilities"]["add"] &&
                   sc["capabilities"]["add"].size() > 0);

      const YAML::Node res = c["resources"];
      for (const char* kind : {"requests", "limits"}) {
        EXPECT_TRUE(res[kind]["cpu"]) << kind;
        EXPECT_TRUE(res[kind]["memory"]) << kind;
      }

      // Probes point at declared ports.
      for (const char* probe : {"livenessProbe", "readinessProbe"}) {
        const YAML::Node p = c[probe];
        ASSERT_TRUE(p) << probe;
        if (p["grpc"]) {
          EXPECT_TRUE(HasPort(c, p["grpc"]["port"])) << probe;
          // Liveness asks for the whole server; readiness for the query
          // service, which reports SERVING only once the view caught up.
          EXPECT_EQ(p["grpc"]["service"].as<std::string>(""),
                    std::string(probe) == "readinessProbe"
                        ? frontline::v1::ConflictState::service_full_name()
                        : "")
              << probe;
        } else if (p["httpGet"]) {
          EXPECT_TRUE(HasPort(c, p["httpGet"]["port"])) << probe;
        } else if (p["tcpSocket"]) {
          EXPECT_TRUE(HasPort(c, p["tcpSocket"]["port"])) << probe;
        } else {
          ADD_FAILURE() << probe << " is neither grpc, httpGet nor tcpSocket";
        }
      }

      // Mounts: a writable /tmp; every mount names a volume.
      std::map<std::string, std::string> mounts;  // path -> volume
      for (const auto& m : c["volumeMounts"]) {
        const std::string vol = m["name"].as<std::string>();
        EXPECT_TRUE(volumes.count(vol) || claim_templates.count(vol)) << vol;
        mounts[m["mountPath"].as<std::string>()] = vol;
      }
      ASSERT_TRUE(mounts.count("/tmp"));
      EXPECT_TRUE(volumes[mounts["/tmp"]]["emptyDir"]);
      auto mounted =
          [&](const std::string& path) -> std::optional<std::string> {
        for (const auto& [dir, vol] : mounts) {
          if (path == dir || path.rfind(dir + "/", 0) == 0) return vol;
        }
        return std::nullopt;
      };

      // Env: references exist; $(VAR) in args is defined.
      std::set<std::string> env_names;
      for (const auto& e : c["env"]) {
        env_names.insert(e["name"].as<std::string>());
        const YAML::Node from = e["valueFrom"];
        if (from["configMapKeyRef"] &&
            !from["configMapKeyRef"]["optional"].as<bool>(false)) {
          auto cm = r.Find("ConfigMap",
                           from["configMapKeyRef"]["name"].as<std::string>());
          ASSERT_TRUE(cm) << e["name"];
          EXPECT_TRUE(
              (*cm)["data"][from["configMapKeyRef"]["key"].as<std::string>()])
              << e["name"];
        }
        if (from["secretKeyRef"] &&
            !from["secretKeyRef"]["optional"].as<bool>(false)) {
          EXPECT_TRUE(
              r.Find("Secret", from["secretKeyRef"]["name"].as<std::string>()))
              << e["name"];
        }
        if (from["secretKeyRef"]) {  // optional or not, the Secret is shipped
          EXPECT_TRUE(
              r.Find("Secret", from["secretKeyRef"]["name"].as<std::string>()))
              << e["name"];
        }
      }

      const std::vector<std::string> args = Args(c);
      ASSERT_FALSE(args.empty());
      static const std::regex var(R"(\$\(([A-Za-z_][A-Za-z0-9_]*)\))");
      for (const auto& a : args) {
        for (std::sregex_iterator it(a.begin(), a.end(), var), end; it != end;
             ++it) {
          EXPECT_TRUE(env_names.count((*it)[1])) << a;
        }
      }
      // The binary's interface: ENTRYPOINT frontline, args start with the
      // subcommand; every flag is declared (or pending).
      EXPECT_FALSE(c["command"]) << "the image's ENTRYPOINT is frontline";
      EXPECT_TRUE(subcommands.count(args[0]) ||
                  kPendingSubcommands.count(args[0]))
          << "unknown subcommand " << args[0];
      for (const auto& a : args) {
        if (a.rfind("--", 0) != 0) continue;
        const std::string f = a.substr(0, a.find('='));
        EXPECT_TRUE(flags.count(f) || kPendingFlags.count(f))
            << "flag " << f << " is not in main.cc";
      }
      if (auto bus = FlagValue(args, "--bus")) {
        EXPECT_THAT(*bus, testing::MatchesRegex("(kafka://|local:).+"));
      }
      std::set<std::string> ports;
      for (const auto& p : c["ports"]) {
        ports.insert(p["containerPort"].as<std::string>());
      }
      if (auto listen = FlagValue(args, "--listen")) {
        EXPECT_EQ(*listen, "0.0.0.0:7600");
        EXPECT_TRUE(ports.count("7600"));
      } else {
        EXPECT_FALSE(ports.count("7600")) << "7600 declared, nothing listens";
      }
      if (auto metrics = FlagValue(args, "--metrics-listen")) {
        EXPECT_EQ(*metrics, "0.0.0.0:9464");
        EXPECT_TRUE(ports.count("9464"));
        const YAML::Node ann = w["spec"]["template"]["metadata"]["annotations"];
        EXPECT_EQ(ann["prometheus.io/scrape"].as<std::string>(""), "true");
        EXPECT_EQ(ann["prometheus.io/port"].as<std::string>(""), "9464");
      } else {
        ADD_FAILURE() << "no --metrics-listen";
      }
      // Writable paths are on volumes; the config is on a ConfigMap.
      for (const char* flag : {"--data", "--state"}) {
        if (auto dir = FlagValue(args, flag)) {
          auto vol = mounted(*dir);
          ASSERT_TRUE(vol) << flag << " " << *dir << " is on no volume";
          EXPECT_TRUE(claim_templates.count(*vol) ||
                      volumes[*vol]["emptyDir"] ||
                      volumes[*vol]["persistentVolumeClaim"])
              << *dir;
        }
      }
      if (auto config = FlagValue(args, "--config")) {
        auto vol = mounted(*config);
        ASSERT_TRUE(vol) << *config;
        ASSERT_TRUE(volumes[*vol]["configMap"]) << *config;
        auto cm = r.Find("ConfigMap",
                         volumes[*vol]["configMap"]["name"].as<std::string>());
        ASSERT_TRUE(cm);
        const std::string file = config->substr(config->rfind('/') + 1);
        EXPECT_TRUE((*cm)["data"][file]) << file;
        EXPECT_TRUE(env_names.count("FRONTLINE_TELEGRAM_TOKEN") ||
                    args[0] == "feed-ingest")
            << "reads sources but not the token";
      }
    }
  }
}

// Services select pods and target their ports; HPAs, PDBs target workloads.
void CheckReferences(const Rendered& r) {
  const auto workloads = r.Workloads();
  for (const auto& svc : r.OfKind("Service")) {
    SCOPED_TRACE(Name(svc));
    bool selected = false;
    for (const auto& w : workloads) {
      const YAML::Node tmpl = w["spec"]["template"];
      if (!Selects(svc["spec"]["selector"], tmpl["metadata"]["labels"])) {
        continue;
      }
      selected = true;
      for (const auto& p : svc["spec"]["ports"]) {
        bool found = false;
        for (const auto& c : tmpl["spec"]["containers"]) {
          found = found ||
                  HasPort(c, p["targetPort"] ? p["targetPort"] : p["port"]);
        }
        EXPECT_TRUE(found) << p["port"];
      }
    }
    EXPECT_TRUE(selected) << "selects no pod";
  }
  for (const auto& hpa : r.OfKind("HorizontalPodAutoscaler")) {
    const YAML::Node t = hpa["spec"]["scaleTargetRef"];
    EXPECT_TRUE(
        r.Find(t["kind"].as<std::string>(), t["name"].as<std::string>()))
        << Name(hpa);
  }
  for (const auto& pdb : r.OfKind("PodDisruptionBudget")) {
    bool selected = false;
    for (const auto& w : workloads) {
      selected =
          selected || Selects(pdb["spec"]["selector"]["matchLabels"],
                              w["spec"]["template"]["metadata"]["labels"]);
    }
    EXPECT_TRUE(selected) << Name(pdb);
  }
}

std::vector<std::string> ContainerArgs(const YAML::Node& w) {
  return Args(w["spec"]["template"]["spec"]["containers"][0]);
}

class ManifestsTest : public testing::Test {
 protected:
  void SetUp() override {
    if (Kubectl().empty() || access(Kubectl().c_str(), X_OK) != 0) {
      GTEST_SKIP() << "no kubectl (Debian: apt-get install kubernetes-client)";
    }
  }
  Rendered RenderOrFail(const std::string& rel) {
    std::string err;
    auto text = Render(std::string(FRONTLINE_SOURCE_DIR) + "/k8s/" + rel, &err);
    EXPECT_TRUE(text) << err;
    return text ? Load(*text) : Rendered{};
  }
};

TEST_F(ManifestsTest, BaseHasEveryServiceHardened) {
  const Rendered r = RenderOrFail("base");
  for (const char* d :
       {"telegram-ingest", "feed-ingest", "normalize", "dedup"}) {
    auto dep = r.Find("Deployment", std::string("frontline-") + d);
    ASSERT_TRUE(dep) << d;
    EXPECT_EQ(ContainerArgs(*dep)[0], d);
    EXPECT_EQ(FlagValue(ContainerArgs(*dep), "--bus"),
              "kafka://$(KAFKA_BOOTSTRAP)");
  }
  auto state = r.Find("StatefulSet", "frontline-state");
  ASSERT_TRUE(state);
  EXPECT_EQ(ContainerArgs(*state)[0], "state");
  EXPECT_EQ(FlagValue(ContainerArgs(*state), "--data"),
            "/var/lib/frontline/state");
  ASSERT_EQ((*state)["spec"]["volumeClaimTemplates"].size(), 1u);
  EXPECT_TRUE(r.Find("PodDisruptionBudget", "frontline-state"));
  auto svc = r.Find("Service", "frontline-state");
  ASSERT_TRUE(svc);
  EXPECT_EQ((*svc)["spec"]["ports"][0]["port"].as<int>(), 7600);
  for (const char* d : {"telegram-ingest", "feed-ingest", "normalize"}) {
    EXPECT_TRUE(
        r.Find("HorizontalPodAutoscaler", std::string("frontline-") + d))
        << d;
  }
  // state: ingress on 7600 and 9464 only.
  auto np = r.Find("NetworkPolicy", "frontline-state");
  ASSERT_TRUE(np);
  std::set<int> in_ports;
  for (const auto& rule : (*np)["spec"]["ingress"]) {
    ASSERT_TRUE(rule["ports"]) << "an ingress rule open on every port";
    for (const auto& p : rule["ports"]) in_ports.insert(p["port"].as<int>());
  }
  EXPECT_EQ(in_ports, (std::set<int>{7600, 9464}));
  auto ingest_np = r.Find("NetworkPolicy", "frontline-ingest");
  ASSERT_TRUE(ingest_np);
  bool internet = false;
  for (const auto& rule : (*ingest_np)["spec"]["egress"]) {
    for (const auto& to : rule["to"]) {
      internet =
          internet || to["ipBlock"]["cidr"].as<std::string>("") == "0.0.0.0/0";
    }
  }
  EXPECT_TRUE(internet);
  for (const auto& w : r.Workloads()) CheckWorkload(r, w);
  CheckReferences(r);
}

TEST_F(ManifestsTest, DevRunsEverythingInOnePod) {
  const Rendered r = RenderOrFail("overlays/dev");
  ASSERT_EQ(r.Workloads().size(), 1u);
  auto dep = r.Find("Deployment", "frontline");
  ASSERT_TRUE(dep);
  const auto args = ContainerArgs(*dep);
  EXPECT_EQ(args[0], "run");
  EXPECT_EQ(FlagValue(args, "--data"), "/var/lib/frontline");
  EXPECT_EQ(FlagValue(args, "--listen"), "0.0.0.0:7600");
  EXPECT_EQ(FlagValue(args, "--config"), "/etc/frontline/sources.yaml");
  EXPECT_FALSE(FlagValue(args, "--bus")) << "dev runs on the embedded log";
  EXPECT_EQ((*dep)["spec"]["strategy"]["type"].as<std::string>(""), "Recreate");
  EXPECT_TRUE(r.Find("PersistentVolumeClaim", "frontline-data"));
  for (const auto& w : r.Workloads()) CheckWorkload(r, w);
  CheckReferences(r);
}

TEST_F(ManifestsTest, ProdDeclaresTopicsAndARestrictedNamespace) {
  const Rendered r = RenderOrFail("overlays/prod");
  EXPECT_EQ(r.Workloads().size(), 5u);
  auto ns = r.Find("Namespace", "frontline");
  ASSERT_TRUE(ns);
  EXPECT_EQ((*ns)["metadata"]["labels"]["pod-security.kubernetes.io/enforce"]
                .as<std::string>(""),
            "restricted");
  for (const auto& o : r.objects) {
    if (o["kind"].as<std::string>() == "Namespace") continue;
    EXPECT_EQ(o["metadata"]["namespace"].as<std::string>(""), "frontline")
        << Name(o);
  }
  std::map<std::string, YAML::Node> topics;
  for (const auto& t : r.OfKind("KafkaTopic")) {
    EXPECT_EQ(t["apiVersion"].as<std::string>(), "kafka.strimzi.io/v1beta2");
    EXPECT_EQ(t["metadata"]["labels"]["strimzi.io/cluster"].as<std::string>(""),
              "frontline");
    topics[t["spec"]["topicName"].as<std::string>("")] = t;
  }
  // Exactly the topics the binary uses.
  const std::vector<bus::TopicSpec> pipeline_topics =
      pipeline::PipelineTopics();
  ASSERT_EQ(topics.size(), pipeline_topics.size());
  for (const bus::TopicSpec& topic : pipeline_topics) {
    const std::string& name = topic.name;
    ASSERT_TRUE(topics.count(name)) << name;
    const YAML::Node spec = topics[name]["spec"];
    EXPECT_EQ(spec["replicas"].as<int>(), 3) << name;
    EXPECT_GE(spec["partitions"].as<int>(), 1) << name;
    EXPECT_TRUE(spec["config"]["retention.ms"]) << name;
  }
  EXPECT_EQ(
      topics["events"]["spec"]["config"]["retention.ms"].as<std::string>(),
      "-1");
  EXPECT_EQ(topics["dlq"]["spec"]["config"]["retention.ms"].as<std::string>(),
            "-1");
  // normalize can use every raw partition, no more.
  auto hpa = r.Find("HorizontalPodAutoscaler", "frontline-normalize");
  ASSERT_TRUE(hpa);
  EXPECT_LE((*hpa)["spec"]["maxReplicas"].as<int>(),
            topics["raw"]["spec"]["partitions"].as<int>());
  // Ingester replicas split the shard topic's partitions between them.
  for (const char* ingester :
       {"frontline-feed-ingest", "frontline-telegram-ingest"}) {
    auto scaler = r.Find("HorizontalPodAutoscaler", ingester);
    ASSERT_TRUE(scaler) << ingester;
    EXPECT_LE(
        (*scaler)["spec"]["maxReplicas"].as<int>(),
        topics[pipeline::kIngestShardsTopic]["spec"]["partitions"].as<int>());
  }
  for (const auto& w : r.Workloads()) {
    const std::string image =
        w["spec"]["template"]["spec"]["containers"][0]["image"]
            .as<std::string>();
    EXPECT_THAT(image, testing::StartsWith("registry.example.com/"));
    CheckWorkload(r, w);
  }
  CheckReferences(r);
}

TEST(ManifestsInterfaceTest, PendingFlagsAreStillPending) {
  // Tells the maintainer to shorten the pending lists once main.cc has them.
  std::set<std::string> subcommands, flags;
  DeclaredInterface(&subcommands, &flags);
  for (const auto& s : kPendingSubcommands) {
    if (subcommands.count(s)) {
      std::printf(
          "note: subcommand %s now exists; drop it from the pending list\n",
          s.c_str());
    }
  }
  for (const auto& f : kPendingFlags) {
    if (flags.count(f)) {
      std::printf("note: flag %s now exists; drop it from the pending list\n",
                  f.c_str());
    }
  }
  EXPECT_TRUE(subcommands.count("state"));
  EXPECT_TRUE(flags.count("--bus"));
}

}  // namespace
}  // namespace frontline
