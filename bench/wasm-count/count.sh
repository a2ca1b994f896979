#!/bin/sh
# Instructions the wasm core costs, counted rather than timed (this machine is shared, so wall
# times swing by tens of percent): the x86 instructions that Node executes under valgrind, with
# V8 compiling every wasm function up front with its optimising compiler (no Liftoff, no lazy
# compilation), so that compilation falls in the instantiation and the differences below are
# the core's own work. Repeat runs agree within a few percent (the set-up figure is the noisier).
#   bench/wasm-count/count.sh [DIR]   (DIR: a wasm-bindgen output, default www/pkg/min: `make page`)
# Needs valgrind. Prints the French tables' set-up and annotate's cost on 512 KB.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here/../../www/pkg/min}
dir=$(cd "$dir" && pwd)
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null node --no-liftoff --no-wasm-lazy-compilation \
    --single-threaded "$here/run.mjs" "$1" "$dir" 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,
}
inst=$(count inst)
warm=$(count warm)
all=$(count annotate)
echo "{\"figure\":\"wasm_french_tables_instructions\",\"value\":$((warm - inst)),\"dir\":\"$dir\"}"
echo "{\"figure\":\"wasm_annotate_512kb_instructions\",\"value\":$((all - warm)),\"dir\":\"$dir\"}"
