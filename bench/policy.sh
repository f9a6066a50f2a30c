#!/usr/bin/env bash
# Policy check of a 30-township county plan against the deployed DMN rule tables, in process.
# Prints name=value unit lines (p50/p95/p99 over 5,000 validations after 3,000 warm-up ones).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx512m -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.gov.reform.bench.PolicyBenchmark
