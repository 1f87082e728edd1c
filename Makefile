# Frontline: the two commands are `make run` and `make test`. Each installs
# what is missing (Debian 12, as root or with sudo), configures and builds.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
DATA_DIR ?= var/frontline
LISTEN ?= 127.0.0.1:7600
CONFIG ?= examples/sources.yaml
CTEST_JOBS ?= 2
# make load: documents per second, documents, engines (docs/BENCHMARKS.md).
LOAD_RATE ?= 100
LOAD_DOCS ?= 10000
LOAD_ENGINES ?= local kafka

# Everything the build, the tests and the tools need, from Debian's archive.
DEBIAN_PACKAGES := build-essential cmake ninja-build pkg-config git \
  librdkafka-dev libprotobuf-dev protobuf-compiler libgrpc++-dev \
  protobuf-compiler-grpc librocksdb-dev libabsl-dev libgtest-dev libgmock-dev \
  libbenchmark-dev libspdlog-dev libcli11-dev nlohmann-json3-dev \
  libxxhash-dev libcurl4-openssl-dev libcpp-httplib-dev zlib1g-dev \
  libyaml-cpp-dev libgumbo-dev libpugixml-dev libicu-dev kcat clang-format \
  openssl prometheus-cpp-dev kubernetes-client

# `make fuzz` only: clang and its runtime libraries (libFuzzer, sanitizers).
FUZZ_PACKAGES := clang libclang-rt-14-dev
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 1
FUZZ_TARGETS ?=

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps configure build test soak run bench load format clean fuzz-deps fuzz

all: build

# Installs whichever of the packages $(1) are missing, non-interactively
# (a kubectl already on the PATH stands for kubernetes-client).
define install_missing
@missing=""; for p in $(1); do \
  case $$p in kubernetes-client) \
    command -v kubectl >/dev/null && continue;; esac; \
  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" \
    || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  echo "make: installing$$missing"; \
  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends $$missing; \
fi
endef

deps:
	$(call install_missing,$(DEBIAN_PACKAGES))

configure: deps
	@[ -f $(BUILD_DIR)/build.ninja ] || \
	  cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: configure
	cmake --build $(BUILD_DIR) -j $$(nproc)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(CTEST_JOBS)

# The fault tests with bigger parameters (docs/RELIABILITY.md): kill -9
# loops, Kafka faults on the mock cluster, full disks.
SOAK_KILLS ?= 200
SOAK_DOCS ?= 800
SOAK_FAULT_ROUNDS ?= 10
soak: build
	export FRONTLINE_SOAK_KILLS=$(SOAK_KILLS) FRONTLINE_SOAK_DOCS=$(SOAK_DOCS) \
	  FRONTLINE_SOAK_FAULT_ROUNDS=$(SOAK_FAULT_ROUNDS); \
	for t in kill_nine_test kafka_faults_test disk_faults_test; do \
	  $(BUILD_DIR)/tests/$$t || exit 1; done

run: build
	$(BUILD_DIR)/services/frontline/frontline run --data $(DATA_DIR) --listen $(LISTEN) \
	  --config $(CONFIG)

bench: build
	$(BUILD_DIR)/tools/bench/bus_bench

fuzz-deps: deps
	$(call install_missing,$(FUZZ_PACKAGES))

# libFuzzer targets (tests/fuzz) under ASan and UBSan, each run for
# FUZZ_SECONDS (FUZZ_JOBS at once; FUZZ_TARGETS: a subset, e.g. "rss atom").
fuzz: fuzz-deps
	@[ -f $(FUZZ_BUILD_DIR)/build.ninja ] || \
	  cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
	    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
	    -DFRONTLINE_FUZZ=ON
	cmake --build $(FUZZ_BUILD_DIR) -j $$(nproc) --target fuzzers
	tests/fuzz/run_fuzzers.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_JOBS) \
	  $(FUZZ_TARGETS)

load: build
	for engine in $(LOAD_ENGINES); do \
	  nice $(BUILD_DIR)/tools/loadgen/loadgen --engine $$engine \
	    --rate $(LOAD_RATE) --docs $(LOAD_DOCS) || exit 1; \
	done

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_BUILD_DIR)
