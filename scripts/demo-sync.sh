#!/usr/bin/env bash
# Demo of the sync server from a fresh clone: tokens, start, upload a commune's workbook, push an edit,
# download the provincial consolidated workbook. Usage: scripts/demo-sync.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
FIXTURES=$(cd "$(dirname "$0")/.." && pwd)/test/fixtures/workbooks
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
export PHULUC_DATA_DIR="$OUT/data"   # embedded database (PGlite) for this demo only
export PORT=${PORT:-0} HOST=127.0.0.1
# The plan communes submit to, registered as the server starts (README, "Kế hoạch").
export PHULUC_PLANS="NQ57-2026=Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026"
[ -d node_modules ] || npm ci

echo "== 1. token cho cán bộ xã Cẩm Giàng (10903) và cho tỉnh Hải Phòng (31)"
EDITOR=$(node bin/phuluc token create --role editor --commune 10903)
CONSOLIDATOR=$(node bin/phuluc token create --role consolidator --province 31)

echo "== 2. chạy máy chủ"
node bin/phuluc serve > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q 'listening:' "$OUT/server.log" && break; sleep 0.5; done
URL=$(grep -o 'listening: http://[^ ]*' "$OUT/server.log" | head -n 1 | cut -d' ' -f2)
echo "   $URL"
PLAN="$URL/api/communes/10903/plans/NQ57-2026"

echo "== 3. gửi tệp phụ lục của xã"
curl -sSf -H "Authorization: Bearer $EDITOR" -F "file=@$FIXTURES/cam-giang-phu-luc.xlsx" -D "$OUT/upload.headers" -o "$OUT/upload.json" "$PLAN/upload"
ETAG=$(grep -i '^etag:' "$OUT/upload.headers" | tr -d '\r' | cut -d' ' -f2)
node -e 'const r=require(process.argv[1]);console.log("   phiên bản", r.revision.seq, "·", r.revision.summary.tasks, "nhiệm vụ ·", r.report.stats.errors, "lỗi,", r.report.stats.warnings, "cảnh báo")' "$OUT/upload.json"

echo "== 4. sửa một ô (kết quả của nhiệm vụ đầu tiên) và gửi lại trên phiên bản $ETAG"
node -e 'const r=require(process.argv[1]);r.plan.appendices[0].rows.find(x=>x.kind==="task").fields.result="Báo cáo tổng kết năm";require("fs").writeFileSync(process.argv[2],JSON.stringify({plan:r.plan,message:"Bổ sung kết quả"}))' "$OUT/upload.json" "$OUT/edit.json"
curl -sSf -H "Authorization: Bearer $EDITOR" -H 'Content-Type: application/json' -H "If-Match: $ETAG" -H "Idempotency-Key: demo-edit-1" --data-binary "@$OUT/edit.json" -o "$OUT/push.json" "$PLAN/revisions"
node -e 'const r=require(process.argv[1]);console.log("  ", r.status, "→ phiên bản", r.revision.seq)' "$OUT/push.json"

echo "== 5. tải bảng tổng hợp của tỉnh"
curl -sSf -H "Authorization: Bearer $CONSOLIDATOR" -o "$OUT/tong-hop-31.xlsx" "$URL/api/provinces/31/plans/NQ57-2026/consolidated?format=xlsx"
echo "   $OUT/tong-hop-31.xlsx"
