#!/usr/bin/env python3
# Peer for the consolidation benchmark: the plain pandas + openpyxl version of `phuluc consolidate DIR -o OUT`.
# Reads every workbook, finds the header row ("Nội dung"), keeps rows with content, tags the commune code from the
# file name, concatenates, and writes one sheet with openpyxl. No continuation merging, no deadline parsing.
import os
import sys

import pandas as pd


def read_one(path):
    frames = []
    for _, df in pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl").items():
        header = None
        for i, row in df.iterrows():
            if any(isinstance(v, str) and "nội dung" in v.lower() for v in row.values):
                header = i
                break
        if header is None:
            continue
        body = df.iloc[header + 1:].copy()
        body.columns = [str(c) for c in df.iloc[header].values]
        content_col = next(c for c in body.columns if "nội dung" in c.lower())
        body = body[body[content_col].notna()]
        body.insert(0, "commune", os.path.basename(path)[:5])
        frames.append(body)
    return frames


def main(src, out):
    frames = []
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs if f.endswith(".xlsx"))
    for f in files:
        frames.extend(read_one(f))
    total = pd.concat(frames, ignore_index=True)
    total.to_excel(out, index=False, engine="openpyxl")
    print(f"{len(files)} files, {len(total)} rows")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
