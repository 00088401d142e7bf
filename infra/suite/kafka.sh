# shellcheck shell=bash
# Sourced by ./suite: the downloaded distributions and Kafka (KRaft). Uses the constants ./suite defines.

# ---------------------------------------------------------------------------------------------
# distributions (Kafka jars, Keycloak zip) via infra/pom.xml; Maven's ~/.m2 caches the downloads
# ---------------------------------------------------------------------------------------------
fetch_dist() {
  if [[ -f "$KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar" && -x "$KEYCLOAK_DIST/bin/kc.sh" &&
        -f "$SANDBOX_JARS/wiremock-standalone.jar" && -f "$SANDBOX_JARS/greenmail-standalone.jar" ]]; then
    info "Kafka $KAFKA_VERSION and Keycloak $KEYCLOAK_VERSION already in .suite/dist"
    return 0
  fi
  info "fetching Kafka $KAFKA_VERSION and Keycloak $KEYCLOAK_VERSION from Maven Central (cached in ~/.m2)"
  (cd "$ROOT" && ./mvnw -B -q -f infra/pom.xml package) || die "downloading the distributions failed (./mvnw -f infra/pom.xml package)"
  [[ -f "$KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar" ]] || die "Kafka jars missing in $KAFKA_LIBS after the download"
  [[ -x "$KEYCLOAK_DIST/bin/kc.sh" ]] || die "Keycloak missing in $KEYCLOAK_DIST after the download"
  [[ -f "$SANDBOX_JARS/wiremock-standalone.jar" && -f "$SANDBOX_JARS/greenmail-standalone.jar" ]] ||
    die "the sandbox jars are missing in $SANDBOX_JARS after the download"
}

# ---------------------------------------------------------------------------------------------
# Kafka (KRaft, single combined broker + controller)
# ---------------------------------------------------------------------------------------------
start_kafka() {
  if pid_of "$PROFILE" kafka >/dev/null; then
    info "a Kafka of profile $PROFILE is still running; restarting it"
    stop_proc "$PROFILE" kafka
  fi
  require_free_port "$KAFKA_PORT" "Kafka ($PROFILE)"
  require_free_port "$KAFKA_CONTROLLER_PORT" "the Kafka controller ($PROFILE)"
  local kdir="$PDIR/kafka" data="$PDIR/kafka-data" props cp
  props="$kdir/server.properties"
  cp="$KAFKA_LIBS/*"
  mkdir -p "$kdir" "$LOGS"
  if [[ "$PROFILE" == test && -z "${KAFKA_KEEP_DATA:-}" ]]; then rm -rf "$data"; fi
  sed -e "s|@BROKER_PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$data|g" \
    "$ROOT/infra/kafka-server.properties.template" >"$props"
  if [[ ! -f "$data/meta.properties" ]]; then
    rm -rf "$data"
    local cluster_id
    # a Kafka Uuid is 16 random bytes in unpadded URL-safe base64 (what `StorageTool random-uuid` prints); like
    # Kafka's own Uuid.randomUuid, never one starting with '-', which the format tool would read as an option
    # (one run in 64 failed so)
    cluster_id="-"
    while [[ $cluster_id == -* ]]; do
      cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    done
    [[ ${#cluster_id} == 22 ]] || die "could not generate a Kafka cluster id"
    java -cp "$cp" -Dlog4j2.configurationFile="$ROOT/infra/kafka-log4j2.properties" -Dkafka.logs.dir="$LOGS" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$props" --standalone >"$LOGS/kafka-format.log" 2>&1 \
      || { log_tail "$LOGS/kafka-format.log"; die "formatting the Kafka log directory failed"; }
  fi
  : >"$LOGS/kafka.log"
  info "starting Kafka on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT), log $LOGS/kafka.log"
  local t0; t0=$(now_ms)
  launch kafka "$props" "$LOGS/kafka.out" \
    java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOGS" -Dlog4j2.configurationFile="$ROOT/infra/kafka-log4j2.properties" \
    -cp "$cp" kafka.Kafka "$props"
  local pid=$LAUNCHED_PID deadline=$(( $(date +%s) + 60 ))
  until [[ -n "$(port_listener "$KAFKA_PORT")" ]]; do
    if ! proc_alive "$pid" "$props"; then
      log_tail "$LOGS/kafka.log"; log_tail "$LOGS/kafka.out" 20
      die "Kafka exited during start-up"
    fi
    if (( $(date +%s) >= deadline )); then log_tail "$LOGS/kafka.log"; die "Kafka did not open port $KAFKA_PORT within 60 s"; fi
    sleep 0.5
  done
  local left=$(( deadline - $(date +%s) )); (( left > 5 )) || left=5
  java -cp "$cp" -Dlog4j2.configurationFile="$ROOT/infra/kafka-log4j2.properties" -Dkafka.logs.dir="$LOGS" \
    "$ROOT/infra/KafkaTopics.java" "127.0.0.1:$KAFKA_PORT" "$TOPIC_PARTITIONS" "$left" "${TOPICS[@]}" >"$LOGS/kafka-topics.log" 2>&1 \
    || { cat "$LOGS/kafka-topics.log" >&2; log_tail "$LOGS/kafka.log"; die "Kafka on 127.0.0.1:$KAFKA_PORT is not ready or topic creation failed"; }
  local ms=$(( $(now_ms) - t0 ))
  info "Kafka ready on 127.0.0.1:$KAFKA_PORT after $((ms / 1000)).$((ms % 1000 / 100))s; topics (${TOPIC_PARTITIONS} partitions): ${TOPICS[*]}"
}
