#!/usr/bin/env bash
# Installs the real backends the integration tests (*IT, run by maven-failsafe in `verify`) start:
#   victoria-metrics -> /usr/bin/victoria-metrics  (HttpPushVictoriaMetricsIT, RemoteWriteVictoriaMetricsIT)
#   influxdb         -> /usr/bin/influxd           (HttpPushInfluxDbIT)
#   rsyslog          -> /usr/sbin/rsyslogd         (RsyslogIT)
#   prometheus       -> /usr/bin/prometheus, /usr/bin/promtool (remote write, scrape and rule ITs, PrometheusRulesIT)
#   prometheus-alertmanager -> /usr/bin/prometheus-alertmanager (sonda test ITs)
#   kubectl          -> /usr/bin/kubectl           (renders deploy/ manifests offline)
# and, without installing it (its trixie .deb needs a newer libzstd than bookworm's apt allows, but
# the binary runs), VictoriaMetrics 1.112 from Debian trixie, the OTLP/HTTP receiver of
# OtlpHttpVictoriaMetricsIT: fetched once with a private apt directory and extracted to
#   $SONDA_CI_CACHE/vm112/usr/bin/victoria-metrics
# where SONDA_CI_CACHE defaults to /var/cache/sonda-ci (root) or $HOME/.cache/sonda-ci.
# Debian packages only. apt is skipped entirely when every binary is already present; otherwise
# `apt-get update` runs once and the missing packages are installed. Needs root (or sudo) for apt.
# The packages' systemd units are never started: each IT starts and stops its own server on
# loopback with a temporary data directory.
set -euo pipefail

declare -A BINARIES=(
  [victoria-metrics]=/usr/bin/victoria-metrics
  [influxdb]=/usr/bin/influxd
  [rsyslog]=/usr/sbin/rsyslogd
  [prometheus]=/usr/bin/prometheus
  [prometheus-alertmanager]=/usr/bin/prometheus-alertmanager
  [kubectl]=/usr/bin/kubectl
)

# --- VictoriaMetrics 1.112 (trixie), extracted, never installed -----------------------------------
fetch_vm112() {
  local cache="${SONDA_CI_CACHE:-}"
  if [[ -z "$cache" ]]; then
    if [[ $(id -u) -eq 0 ]]; then cache=/var/cache/sonda-ci; else cache="$HOME/.cache/sonda-ci"; fi
  fi
  local dir="$cache/vm112"
  local bin="$dir/usr/bin/victoria-metrics"
  if [[ -x "$bin" ]]; then
    echo "backends.sh: VictoriaMetrics 1.112 present ($bin)"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
    echo "backends.sh: no apt-get/dpkg; cannot fetch VictoriaMetrics 1.112 (OtlpHttpVictoriaMetricsIT)" >&2
    return 1
  fi
  local apt="$cache/apt-trixie"
  mkdir -p "$apt"/{lists/partial,cache/archives/partial,etc/sources.list.d,etc/preferences.d} "$dir"
  cat > "$apt/etc/sources.list.d/trixie.sources" <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  local opts=(-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o Dir::Etc::SourceList=/dev/null
    -o "Dir::Etc::SourceParts=$apt/etc/sources.list.d" -o Dir::Etc::Preferences=/dev/null
    -o "Dir::Etc::PreferencesParts=$apt/etc/preferences.d")
  echo "backends.sh: fetching victoria-metrics from Debian trixie into $dir"
  apt-get "${opts[@]}" update >/dev/null
  local debs="$apt/debs"
  mkdir -p "$debs"
  (cd "$debs" && apt-get "${opts[@]}" download 'victoria-metrics=1.112.*')
  dpkg -x "$debs"/victoria-metrics_1.112*.deb "$dir"
  if [[ ! -x "$bin" ]]; then
    echo "backends.sh: extracted victoria-metrics but $bin is missing" >&2
    return 1
  fi
  "$bin" -version || true
}
fetch_vm112

missing=()
for pkg in "${!BINARIES[@]}"; do
  if [[ ! -x "${BINARIES[$pkg]}" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "backends.sh: all backends present (${BINARIES[*]}); skipping apt"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "backends.sh: missing ${missing[*]} and no apt-get on this machine; the ITs that need them will be skipped" >&2
  exit 1
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "backends.sh: need root (or sudo) to install ${missing[*]}" >&2
    exit 1
  fi
fi

echo "backends.sh: installing ${missing[*]}"
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

for pkg in "${missing[@]}"; do
  if [[ ! -x "${BINARIES[$pkg]}" ]]; then
    echo "backends.sh: $pkg installed but ${BINARIES[$pkg]} is still missing" >&2
    exit 1
  fi
done
echo "backends.sh: done"
