#!/usr/bin/env bash
# The load benchmark of parley-board (not a test; README lists its figures). Installs Debian's
# nginx and wrk if missing, starts parley-board on a fresh database, submits results over 100
# connections (board_load), then measures the leaderboard GET with wrk against nginx serving the
# same JSON as a static file, in the same run. Submissions are measured three ways (board_load's
# header explains them): closed loop (the most the server sustains), open loop at RATE per second
# (default 1000, the target: the latency a class sees at that rate), and closed loop with every
# trainee submitting a different run (DISTINCT, default 5000: no two trainees share a path's
# valuing, the worst case for the shared analysis).
#
#   bash tests/board/load/run_load.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: run_load.sh BUILD_DIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
for p in nginx wrk; do
  dpkg-query -W -f='${Status}' $p 2>/dev/null | grep -q "install ok installed" ||
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $p >/dev/null
done
work=$(mktemp -d)
mkdir -p "$work/paced" "$work/distinct"
trap 'kill $server $nginx_pid 2>/dev/null || true; rm -rf "$work"' EXIT
"$build/tools/board/parley-board" serve --port 0 --db "$work/load.db" --content "$here/scenarios" > "$work/server.out" &
server=$!
export SERVER_PID=$server   # board_load prints the server's CPU time per submission
until grep -q "trainer token" "$work/server.out" 2>/dev/null; do sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/server.out")
token=$(sed -n 's/^trainer token: //p' "$work/server.out")
echo "== result submission (server-side replay + durable commit), 100 connections, closed loop"
"$build/tests/board/board_load" "$url" "$token" "$here/scenarios" "$work" 100 "${PER:-50}"
echo "== result submission, 100 connections, open loop at ${RATE:-1000} per second"
"$build/tests/board/board_load" "$url" "$token" "$here/scenarios" "$work/paced" 100 "${PER:-50}" "${RATE:-1000}"
echo "== result submission, 100 connections, closed loop, ${DISTINCT:-5000} different runs"
"$build/tests/board/board_load" "$url" "$token" "$here/scenarios" "$work/distinct" 100 "${PER:-50}" 0 "${DISTINCT:-5000}"

mkdir -p "$work/www/api"
cp "$work/leaderboard.json" "$work/www/api/leaderboard"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server { listen 127.0.0.1:18089; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
nginx_pid=$(cat "$work/nginx.pid")
echo "== leaderboard GET: parley-board"
wrk -t2 -c100 -d10s "$(cat "$work/leaderboard.url")" | grep -E "Requests/sec|Latency"
echo "== the same JSON as a static file: nginx"
wrk -t2 -c100 -d10s "http://127.0.0.1:18089/api/leaderboard" | grep -E "Requests/sec|Latency"
