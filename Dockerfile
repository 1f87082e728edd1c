# The Frontline image: the `frontline` and `frontlinectl` binaries on Debian 12
# slim, running as uid 10001, ENTRYPOINT frontline.
#   docker build -t registry.example.com/frontline/frontline:0.1.0 .
#   docker run --rm -p 7600:7600 -v frontline:/var/lib/frontline \
#     registry.example.com/frontline/frontline:0.1.0 \
#     run --data /var/lib/frontline --listen 0.0.0.0:7600 \
#         --config examples/sources.yaml
# Data files live under /usr/share/frontline (also the working directory, so
# the binary's relative defaults such as libs/gazetteer/data/places.tsv
# resolve); writable state belongs under /var/lib/frontline.

# --- build: the same Debian packages as `make deps`, then the CMake build ---
FROM debian:12.8 AS build
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update -q \
 && apt-get install -y -q --no-install-recommends make ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The package list is DEBIAN_PACKAGES in the Makefile: one list for both.
COPY Makefile ./
RUN apt-get update -q && make deps && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release \
 && cmake --build /build --target frontline frontlinectl
# Install the binaries and list the Debian packages that own the shared
# libraries they load: the runtime stage installs exactly those.
RUN set -eu; \
    mkdir -p /out/bin; \
    cp /build/services/frontline/frontline /build/tools/frontlinectl/frontlinectl /out/bin/; \
    strip --strip-debug /out/bin/*; \
    for lib in $(ldd /out/bin/* | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u); do \
      real=$(readlink -f "$lib"); \
      { dpkg -S "$lib" || dpkg -S "$real" || dpkg -S "${real#/usr}"; } 2>/dev/null \
        | head -n1 | cut -d: -f1; \
    done | sort -u > /out/runtime-packages.txt; \
    test -s /out/runtime-packages.txt; \
    cat /out/runtime-packages.txt

# --- runtime: shared libraries only, non-root ---
FROM debian:12.8-slim AS runtime
ENV DEBIAN_FRONTEND=noninteractive
COPY --from=build /out/runtime-packages.txt /tmp/runtime-packages.txt
# ca-certificates: feeds and the Telegram API are fetched over HTTPS.
RUN apt-get update -q \
 && xargs -a /tmp/runtime-packages.txt apt-get install -y -q --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* /tmp/runtime-packages.txt
RUN groupadd --system --gid 10001 frontline \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/frontline \
      --no-create-home --shell /usr/sbin/nologin frontline \
 && mkdir -p /var/lib/frontline /etc/frontline \
 && chown 10001:10001 /var/lib/frontline
COPY --from=build /out/bin/ /usr/local/bin/
COPY libs/gazetteer/data/places.tsv /usr/share/frontline/libs/gazetteer/data/places.tsv
COPY libs/extract/data/ /usr/share/frontline/libs/extract/data/
COPY examples/ /usr/share/frontline/examples/
# The files examples/sources.yaml reads (paths relative to examples/).
COPY libs/telegram/testdata/export_deepstate.json /usr/share/frontline/libs/telegram/testdata/
COPY libs/feeds/testdata/kyiv_independent_rss.xml libs/feeds/testdata/meduza_atom.xml libs/feeds/testdata/tass_feed.json libs/feeds/testdata/isw_rdf.xml /usr/share/frontline/libs/feeds/testdata/
WORKDIR /usr/share/frontline
USER 10001:10001
# 7600: gRPC (ConflictState, Ingest, health, reflection); 9464: /metrics.
EXPOSE 7600 9464
VOLUME ["/var/lib/frontline"]
ENTRYPOINT ["frontline"]
CMD ["--help"]
