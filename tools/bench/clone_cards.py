#!/usr/bin/python3
"""Grow a feature set's card state in Redis by copying real cards, to measure GetFeatures with many cards stored.

The cards `bench --hop feature --cards N` made (tok_bench_00000 .. N-1) are copied, state key by state key (DUMP,
RESTORE with the same remaining TTL), to the names tok_bench_N .. TOTAL-1, so that a later run with --cards TOTAL
reads a card with real state on every request. Per-transaction keys (the retry cache, ':t:') are not copied.
Needs Debian's python3-redis (apt-get install -y python3-redis) and /usr/bin/python3.

  /usr/bin/python3 tools/bench/clone_cards.py --port 6391 --feature-set fraud_v2 --cards 10000 --total 1000000
"""
import argparse
import re
import sys
import time

import redis


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--host', default='127.0.0.1')
    p.add_argument('--port', type=int, required=True, help='never the shared Redis: a private one for the benchmark')
    p.add_argument('--prefix', default='fs:')
    p.add_argument('--feature-set', default='fraud_v2')
    p.add_argument('--cards', type=int, required=True, help='cards the bench run made (copied from)')
    p.add_argument('--total', type=int, required=True, help='cards wanted in all')
    a = p.parse_args()
    r = redis.Redis(host=a.host, port=a.port)
    pattern = re.compile(re.escape(a.prefix + a.feature_set) + r':\{tok_bench_(\d+)\}:(.*)')
    by_card = {}
    for key in r.scan_iter(match=a.prefix + a.feature_set + ':{tok_bench_*', count=10_000):
        m = pattern.fullmatch(key.decode())
        if m and not m.group(2).startswith('t:') and int(m.group(1)) < a.cards:
            by_card.setdefault(int(m.group(1)), []).append((m.group(2), r.dump(key), r.pttl(key)))
    if not by_card:
        sys.exit(f'no {a.feature_set} card state of tok_bench_* cards on {a.host}:{a.port}: run the bench first')
    sources = sorted(by_card)
    started = time.time()
    pipe = r.pipeline(transaction=False)
    for i, target in enumerate(range(a.cards, a.total)):
        for suffix, dumped, ttl in by_card[sources[target % len(sources)]]:
            key = f'{a.prefix}{a.feature_set}:{{tok_bench_{target:05d}}}:{suffix}'
            pipe.restore(key, max(ttl, 0), dumped, replace=True)
        if i % 2_000 == 1_999:
            pipe.execute()
    pipe.execute()
    print(f'{a.total - a.cards} cards copied from {len(sources)} in {time.time() - started:.0f} s;'
          f' {r.dbsize()} keys in the database now')


if __name__ == '__main__':
    main()
