#!/usr/bin/env bash
# The graph-file test reads the exported GraphML and GEXF with NetworkX, as an analyst would. Installs
# Debian's python3-networkx when python3 cannot import networkx (as root), otherwise says how to.
set -euo pipefail
if python3 -c 'import networkx' 2>/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing Debian's python3-networkx for the graph-file test (apt-get)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-networkx >/dev/null
else
  echo "the graph-file test needs python3 with networkx: sudo apt-get install -y python3-networkx" >&2
  exit 1
fi
