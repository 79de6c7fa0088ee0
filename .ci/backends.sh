#!/usr/bin/env bash
# Installs the real backends the integration tests (*IT, run by maven-failsafe in `verify`) start:
#   victoria-metrics -> /usr/bin/victoria-metrics  (HttpPushVictoriaMetricsIT)
#   influxdb         -> /usr/bin/influxd           (HttpPushInfluxDbIT)
#   rsyslog          -> /usr/sbin/rsyslogd         (RsyslogIT)
#   prometheus       -> /usr/bin/prometheus, /usr/bin/promtool (remote write, scrape and rule ITs, PrometheusRulesIT)
#   prometheus-alertmanager -> /usr/bin/prometheus-alertmanager (sonda test ITs)
#   kubectl          -> /usr/bin/kubectl           (renders deploy/ manifests offline)
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
