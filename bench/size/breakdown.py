#!/usr/bin/env python3
"""Where the gzipped bytes of pkg/colloquy_bg.wasm go, by component (bench/size/README.md).

    breakdown.py PKG_WASM NAMED_WASM NAMED_WAT RELOCS_WASM LINKER_MAP

PKG_WASM     the shipped module (pkg/colloquy_bg.wasm)
NAMED_WASM   the same module optimised the same way but with its name section (wasm-opt -g)
NAMED_WAT    NAMED_WASM as text (wasm-dis), for the call graph
RELOCS_WASM  the cargo output linked with --emit-relocs (which code uses which data)
LINKER_MAP   wasm-ld's --Map of that link (every data item: address, size, symbol)

Code: every function is put in a component by its name (crate path); generic std code
(sorts, hash tables, iterators) goes where all its callers are. Data: every item of
.rodata goes with the functions that use it (relocations), or with the static pointing at
it. A component's "gzip marginal" is gzip -9 of all code and data minus gzip -9 without it:
what leaving it out would save.
"""

import bisect
import collections
import re
import struct
import subprocess
import sys


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sleb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            break
    if x & 0x40:
        r -= 1 << s
    return r, i


def name(b, i):
    n, i = leb(b, i)
    return b[i:i + n].decode('utf8', 'replace'), i + n


ADDEND = {3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25}
MEMORY = {3, 4, 5, 11, 14, 15, 16, 17, 21, 23, 25}


def read_module(path):
    """Function bodies (code-section offsets), function names, relocations, data memory."""
    b = open(path, 'rb').read()
    i = 8
    imported = 0
    bodies, fnames, relocs, segments = [], {}, {}, []
    code_start = 0
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        start, end = i, i + size
        if sid == 2:  # imports: count the imported functions
            n, j = leb(b, i)
            for _ in range(n):
                _, j = name(b, j)
                _, j = name(b, j)
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imported += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 2:
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 3:
                    j += 2
                elif kind == 4:
                    j += 1
                    _, j = leb(b, j)
        elif sid == 10:
            code_start = start
            n, j = leb(b, i)
            for f in range(n):
                s, j2 = leb(b, j)
                bodies.append((j2 - start, j2 + s - start, imported + f))
                j = j2 + s
        elif sid == 11:
            n, j = leb(b, i)
            for _ in range(n):
                flags, j = leb(b, j)
                assert flags == 0 and b[j] == 0x41
                addr, j = sleb(b, j + 1)
                assert b[j] == 0x0B
                length, j = leb(b, j + 1)
                segments.append((addr, b[j:j + length]))
                j += length
        elif sid == 0:
            section, j = name(b, i)
            if section == 'name':
                while j < end:
                    sub = b[j]
                    ssize, j = leb(b, j + 1)
                    if sub == 1:
                        n, k = leb(b, j)
                        for _ in range(n):
                            index, k = leb(b, k)
                            fnames[index], k = name(b, k)
                    j += ssize
            elif section.startswith('reloc.'):
                _, j = leb(b, j)
                n, j = leb(b, j)
                entries = []
                for _ in range(n):
                    kind = b[j]
                    offset, j = leb(b, j + 1)
                    symbol, j = leb(b, j)
                    addend = 0
                    if kind in ADDEND:
                        addend, j = sleb(b, j)
                    entries.append((kind, offset, symbol, addend))
                relocs[section] = entries
        i = end
    memory = (0, b'')
    if segments:
        lo = min(a for a, _ in segments)
        hi = max(a + len(d) for a, d in segments)
        m = bytearray(hi - lo)
        for a, d in segments:
            m[a - lo:a - lo + len(d)] = d
        memory = (lo, bytes(m))
    return b, code_start, bodies, fnames, relocs, memory


def data_items(map_path):
    """(address, size, symbol) of every input section of .rodata/.data in a wasm-ld map."""
    items, current, in_data = [], None, False
    for line in open(map_path):
        m = re.match(r'^\s*(\S+)\s+(\S+)\s+(\S+)( +)(.*)$', line.rstrip('\n'))
        if not m:
            continue
        label = m.group(5)
        column = len(line.rstrip('\n')) - len(label)
        if column <= 35 and not label.startswith(('/', '<')):
            in_data = label in ('.rodata', '.data')
            continue
        if not in_data:
            continue
        if '(' in label and label.startswith(('/', '<')):
            current = [int(m.group(1), 16), int(m.group(3), 16), None]
            items.append(current)
        elif current and current[2] is None:
            current[2] = label
    return sorted(items)


def demangle(names):
    out = subprocess.run(['rustfilt'], input='\n'.join(n.replace('\n', ' ') for n in names),
                         capture_output=True, text=True).stdout.split('\n')
    return dict(zip(names, out))


def gz(chunks):
    return len(subprocess.run(['gzip', '-9', '-c'], input=b''.join(chunks), capture_output=True).stdout)


def code_component(n):
    """The component of a function, from its (demangled) name; None: decided by its callers."""
    if re.search(r'serde_json|serde_path_to_error|zmij', n):
        return 'serde_json, serde_path_to_error, zmij'
    if re.match(r'[<&]*(?:dyn )?regex', n) or re.search(r'regex_(syntax|automata|lite)|colloquy_regex', n):
        return 'label patterns (regex / regex-lite + colloquy-regex)'
    if 'rust_stemmers' in n:
        return 'stemming (rust-stemmers)'
    if 'whatlang' in n:
        return 'language detection (whatlang)'
    if 'stop_words' in n:
        return 'stopword lists'
    if 'unicode_segmentation' in n:
        return 'word segmentation (unicode-segmentation)'
    if re.search(r'serde_wasm_bindgen|serde_core|serde::|serde\[|__Visitor|__FieldVisitor|Deserialize|Serialize', n):
        return 'options in, results out (serde derive, serde-wasm-bindgen)'
    if re.search(r'wasm_bindgen|js_sys|^__wbg|^__wbindgen|_[0-9a-f]{16}$|externref', n):
        return 'wasm-bindgen glue'
    if n.startswith('colloquy_wasm'):
        return 'colloquy-wasm (exports, JsValue reader)'
    if 'dlmalloc' in n:
        return 'allocator (dlmalloc)'
    if re.match(r'[<&]*colloquy', n):
        if re.search(r'colloquy::(report|counts|stream|phrases|token)\b', n):
            return 'colloquy core: report, counts, stream, phrases, token'
        return 'colloquy core: parse, queries, stats, the rest'
    if 'slice::sort' in n or re.search(r'hashbrown|foldhash|rustc_hash', n):
        return None
    if re.search(r'core::fmt|flt2dec|::fmt::|panic|core::num|Debug|Display|escape', n):
        return 'std: formatting, panics'
    return None


def data_component(symbol):
    if symbol is None:
        return 'other data (strings, std tables)'
    if 'STOPWORD' in symbol or 'stop_words' in symbol:
        return 'stopword lists'
    if 'zmij' in symbol or 'serde_json' in symbol:
        return 'serde_json, serde_path_to_error, zmij'
    if 'whatlang' in symbol:
        return 'language detection (whatlang)'
    if 'rust_stemmers' in symbol:
        return 'stemming (rust-stemmers)'
    if 'unicode_segmentation' in symbol:
        return 'word segmentation (unicode-segmentation)'
    if 'unicode_data' in symbol or 'core::unicode' in symbol:
        return "std's Unicode tables (case, alphabetic, …)"
    if 'regex' in symbol:
        return 'label patterns (regex / regex-lite + colloquy-regex)'
    return 'other data (strings, std tables)'


def main(pkg, named, wat, relocated, map_path):
    # Code of the shipped module, by function.
    b, code_start, bodies, fnames, _, _ = read_module(named)
    names = {fi: fnames.get(fi, 'f%d' % fi) for _, _, fi in bodies}
    nice = demangle(list(names.values()))
    body = {names[fi]: b[code_start + s:code_start + e] for s, e, fi in bodies}
    callers = collections.defaultdict(set)
    current = None
    func = re.compile(r'^ \(func \$("(?:[^"\\]|\\.)*"|\S+)')
    call = re.compile(r'\((?:call|return_call|ref\.func) \$("(?:[^"\\]|\\.)*"|\S+)')
    unquote = lambda s: s[1:-1].replace('\\"', '"') if s.startswith('"') else s
    for line in open(wat):
        if line.startswith(' (func '):
            current = unquote(func.match(line).group(1))
        elif current and ('call $' in line or 'ref.func $' in line):
            for m in call.finditer(line):
                callers[unquote(m.group(1))].add(current)
    component = {}
    for n in body:
        c = code_component(nice.get(n, n))
        if c:
            component[n] = c
    for _ in range(30):
        changed = False
        for n in body:
            if n in component:
                continue
            cs = {component.get(c) for c in callers.get(n, ())} - {None}
            if len(cs) == 1:
                component[n] = cs.pop()
                changed = True
            elif cs and all(c in component for c in callers[n]):
                component[n] = 'std: alloc, core, hashbrown (shared)'
                changed = True
        if not changed:
            break
    pieces = []
    for _, _, fi in sorted(bodies):
        n = names[fi]
        c = component.get(n, 'std: alloc, core, hashbrown (shared)')
        if 'slice::sort' in nice.get(n, n) and c.startswith('colloquy core'):
            c = 'colloquy core: copies of std sorts'
        pieces.append((c + ' (code)', body[n]))

    # Data, by the code that uses it.
    items = data_items(map_path)
    addrs = [it[0] for it in items]
    rb, rcode, rbodies, rnames, relocs, (lo, mem) = read_module(relocated)
    starts = [s for s, _, _ in rbodies]
    symbols = [it[2] for it in items if it[2] and not it[2].startswith('.L')]
    nice.update(demangle(symbols + list(rnames.values())))

    def item_at(addr):
        j = bisect.bisect_right(addrs, addr) - 1
        return j if j >= 0 and items[j][0] <= addr < items[j][0] + max(items[j][1], 1) else None

    owner = {it[0]: nice.get(it[2], it[2]) for it in items if it[2] and not it[2].startswith('.L')}
    users = collections.defaultdict(set)
    for kind, offset, _, _ in relocs.get('reloc.CODE', []):
        if kind not in MEMORY:
            continue
        if kind == 5:
            value = struct.unpack_from('<i', rb, rcode + offset)[0]
        else:
            value, _ = (sleb if kind in (4, 11, 15, 17, 21, 25) else leb)(rb, rcode + offset)
        j = item_at(value)
        if j is None:
            continue
        k = bisect.bisect_right(starts, offset) - 1
        fi = rbodies[k][2]
        users[items[j][0]].add(nice.get(rnames.get(fi, ''), rnames.get(fi, '')))
    for addr, fs in users.items():
        if addr not in owner:
            comps = {data_component(f) for f in fs}
            owner[addr] = sorted(fs)[0] if len(comps) == 1 else None
    changed = True
    while changed:  # what a static points at belongs with the static
        changed = False
        for a, size, _ in items:
            if owner.get(a) is None:
                continue
            d = mem[a - lo:a - lo + size]
            for k in range(0, len(d) - 3, 4):
                j = item_at(struct.unpack_from('<I', d, k)[0])
                if j is not None and items[j][0] not in owner:
                    owner[items[j][0]] = owner[a]
                    changed = True
    for a, size, _ in items:
        pieces.append((data_component(owner.get(a)) + ' (data)', mem[a - lo:a - lo + size]))

    whole = gz(p for _, p in pieces)
    module = gz([open(pkg, 'rb').read()])
    raw = collections.Counter()
    for label, p in pieces:
        raw[label] += len(p)
    rows = []
    for label in raw:
        alone = gz(p for lab, p in pieces if lab == label)
        without = gz(p for lab, p in pieces if lab != label)
        rows.append((whole - without, raw[label], alone, label))
    rows.sort(reverse=True)
    print(f'Module: {len(open(pkg, "rb").read()):,} bytes, gzip -9 {module:,}. Code and data alone: gzip -9 '
          f'{whole:,}; the rest ({module - whole:,}) is the other sections and their interplay.\n')
    print('| component | raw bytes | gzip -9 alone | gzip -9 marginal |')
    print('| --- | ---: | ---: | ---: |')
    for marginal, size, alone, label in rows:
        print(f'| {label} | {size:,} | {alone:,} | {marginal:,} |')
    print(f'| sum of the marginals | {sum(raw.values()):,} | | {sum(r[0] for r in rows):,} |')


if __name__ == '__main__':
    main(*sys.argv[1:6])
