#!/usr/bin/env bash
# The README's walkthrough, step by step, against a running engine: one SMS campaign from creation
# to archive, then its history and the audit check. Needs only bash, curl, sed and grep.
#
#   BASE_URL        the engine (default http://localhost:8080)
#   ADMIN_USER      an ADMIN account (default admin)
#   ADMIN_PASSWORD  its password (default change-me, as CAMPAIGN_ADMIN_PASSWORD=change-me sets it)
#
# Stops at the first answer it did not expect, saying which step, and exits non-zero.
set -u

BASE_URL=${BASE_URL:-http://localhost:8080}
ADMIN_USER=${ADMIN_USER:-admin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-change-me}
API="$BASE_URL/api/v1"

STEP=""
STATUS=""
BODY=""
ANSWER=$(mktemp)
trap 'rm -f "$ANSWER"' EXIT

step() {
    STEP=$1
    printf '\n==> %s\n' "$STEP"
}

fail() {
    printf '\nFAILED at step "%s": %s\n' "$STEP" "$1" >&2
    printf 'HTTP status: %s\nResponse:\n%s\n' "$STATUS" "$BODY" >&2
    exit 1
}

# call METHOD PATH EXPECTED-STATUS [JSON-BODY]: PATH under /api/v1 unless it starts with /actuator.
call() {
    local method=$1 path=$2 expected=$3 url
    case $path in
        /actuator*) url="$BASE_URL$path" ;;
        *) url="$API$path" ;;
    esac
    printf '%s %s\n' "$method" "$url"
    local args=(-sS --max-time 30 -o "$ANSWER" -w '%{http_code}' -u "$ADMIN_USER:$ADMIN_PASSWORD" -X "$method")
    if [ $# -ge 4 ]; then
        args+=(-H 'Content-Type: application/json' --data-binary "$4")
    fi
    STATUS=$(curl "${args[@]}" "$url") || { BODY=$(cat "$ANSWER" 2>/dev/null); fail "curl could not reach $url"; }
    BODY=$(cat "$ANSWER")
    printf '%s %s\n' "$STATUS" "$(printf '%s' "$BODY" | head -c 400)"
    [ "$STATUS" = "$expected" ] || fail "expected HTTP $expected, got $STATUS"
}

# The text or number of the first "name": value in the last answer.
field() {
    printf '%s' "$BODY" | grep -o "\"$1\":\"\{0,1\}[^\",}]*" | head -1 | sed "s/^\"$1\":\"\{0,1\}//"
}

expect_field() {
    local value
    value=$(field "$1")
    [ "$value" = "$2" ] || fail "expected $1 $2, found '$value'"
}

expect_text() {
    printf '%s' "$BODY" | grep -q -- "$1" || fail "expected the answer to contain $1"
}

# await PATH TEXT: GETs PATH until its answer contains TEXT (read models follow moments after a change).
await() {
    local tries=0
    while :; do
        call GET "$1" 200
        printf '%s' "$BODY" | grep -q -- "$2" && return 0
        tries=$((tries + 1))
        [ $tries -lt 40 ] || fail "expected the answer to contain $2 within 20 s"
        sleep 0.5
    done
}

NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
HOUR=$(date -u +%Y-%m-%dT%H)
NEXT_YEAR=$(( $(date -u +%Y) + 1 ))

step "1. The engine is up"
call GET /actuator/health 200
expect_text '"UP"'

step "2. Create an SMS campaign: a DRAFT"
call POST /campaigns 201 '{"name": "Saturday canvass", "channel": "SMS", "office": "north", "tags": ["walkthrough"]}'
expect_field status DRAFT
ID=$(field id)
VERSION=$(field version)
[ -n "$ID" ] || fail "no campaign id in the answer"

step "3. It is not launch-ready yet: the detail lists what is missing"
call GET "/campaigns/$ID?minVersion=$VERSION" 200
expect_field launchable false
expect_text '"missing":\["contactList"'

step "4. Fill in what a launch needs: contact list, message, dates, open hours and time zone, area codes"
call PATCH "/campaigns/$ID" 200 "{
  \"contactList\": {\"id\": \"list-1\", \"name\": \"Volunteers\", \"size\": 250},
  \"initialMessage\": \"Hi, can we count on you this Saturday?\",
  \"startAt\": \"$NOW\", \"endAt\": \"$NEXT_YEAR-12-31T00:00:00Z\",
  \"timeZone\": \"UTC\", \"openHours\": {\"from\": \"00:00\", \"to\": \"23:59\"},
  \"areaCodes\": [\"212\", \"415\"]}"
VERSION=$(field version)
call GET "/campaigns/$ID?minVersion=$VERSION" 200
expect_field launchable true
expect_text '"missing":\[\]'

step "5. Launch: LAUNCHING at once; its outcome, the next version, is ACTIVE with its phone numbers"
call POST "/campaigns/$ID/launch" 202
expect_field status LAUNCHING
VERSION=$(field version)
call GET "/campaigns/$ID?minVersion=$((VERSION + 1))" 200
expect_field status ACTIVE
expect_text '"phoneNumbers":\[{"number"'

step "6. Record activity: two messages sent and delivered, a reply and the agent's answer"
ACTIVITY="{\"records\": [
  {\"recordId\": \"s-1\", \"type\": \"MESSAGE_SENT\", \"at\": \"$HOUR:00:00Z\", \"contactId\": \"c-1\", \"messageId\": \"m-1\"},
  {\"recordId\": \"s-2\", \"type\": \"MESSAGE_SENT\", \"at\": \"$HOUR:00:00Z\", \"contactId\": \"c-2\", \"messageId\": \"m-2\"},
  {\"recordId\": \"d-1\", \"type\": \"MESSAGE_DELIVERED\", \"at\": \"$HOUR:00:05Z\", \"contactId\": \"c-1\", \"messageId\": \"m-1\"},
  {\"recordId\": \"d-2\", \"type\": \"MESSAGE_DELIVERED\", \"at\": \"$HOUR:00:05Z\", \"contactId\": \"c-2\", \"messageId\": \"m-2\"},
  {\"recordId\": \"r-1\", \"type\": \"REPLY_RECEIVED\", \"at\": \"$HOUR:00:30Z\", \"contactId\": \"c-1\"},
  {\"recordId\": \"a-1\", \"type\": \"AGENT_REPLIED\", \"at\": \"$HOUR:01:30Z\", \"contactId\": \"c-1\"}]}"
call POST "/campaigns/$ID/activity" 200 "$ACTIVITY"
expect_field accepted 6
expect_field duplicates 0
expect_text '"rejected":\[\]'

step "7. The same batch again: every record is a duplicate, nothing counts twice"
call POST "/campaigns/$ID/activity" 200 "$ACTIVITY"
expect_field accepted 0
expect_field duplicates 6

step "8. Analytics: 2 messages delivered, 1 of 2 contacts replied"
await "/campaigns/$ID/analytics" '"responded":1'
expect_field succeeded 2
expect_field messaged 2
call GET "/campaigns/$ID/analytics/activity?granularity=hour" 200
expect_field granularity hour

step "9. Pause"
call POST "/campaigns/$ID/pause" 200
expect_field status PAUSED

step "10. Archive: stopped first, then archived; its single-use numbers are released"
call POST "/campaigns/$ID/archive" 200
expect_field status ARCHIVED
VERSION=$(field version)
call GET "/campaigns/$ID?minVersion=$VERSION" 200
expect_field archiveReason MANUAL
expect_text '"phoneNumbers":\[\]'

step "11. History: every event, who caused it and from which request"
call GET "/campaigns/$ID/history" 200
for event in Created SettingsUpdated LaunchRequested Launched Paused Stopped Archived; do
    expect_text "\"type\":\"$event\""
done

step "12. Audit: the stored history verifies"
call GET /audit/verify 200
expect_field verified true

printf '\nWalkthrough complete: campaign %s went from DRAFT to ARCHIVED.\n' "$ID"
