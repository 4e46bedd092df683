package dev.watchword.server.audit.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** RFC 5424 messages, checked against the grammar of its §6, and RFC 6587 §3.4.1 octet counting. */
class SyslogFormatTest {

  // RFC 5424 §6 ABNF as a regular expression. SD-NAME is PRINTUSASCII except '=', ']', '"';
  // a PARAM-VALUE holds '"', '\' and ']' only escaped by a backslash (§6.3.3).
  private static final String SD_NAME = "[\\x21\\x23-\\x3C\\x3E-\\x5C\\x5E-\\x7E]{1,32}";
  static final Pattern RFC5424 = Pattern.compile(
      "<(?<pri>\\d{1,3})>(?<version>[1-9]\\d{0,2})"
      + " (?<timestamp>-|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2}))"
      + " (?<hostname>[\\x21-\\x7E]{1,255}) (?<app>[\\x21-\\x7E]{1,48}) (?<procid>[\\x21-\\x7E]{1,128})"
      + " (?<msgid>[\\x21-\\x7E]{1,32})"
      + " (?<sd>-|(\\[" + SD_NAME + "( " + SD_NAME + "=\"([^\"\\\\\\]]|\\\\[\"\\\\\\]])*\")*\\])+)"
      + "( (?<msg>.*))?", Pattern.DOTALL);

  private final SyslogFormat format = new SyslogFormat(10, "vault.example.org", 4242);

  static Matcher parse(String message) {
    Matcher matcher = RFC5424.matcher(message);
    assertThat(matcher.matches()).as("RFC 5424 SYSLOG-MSG: %s", message).isTrue();
    assertThat(Integer.parseInt(matcher.group("pri"))).isBetween(0, 191);
    return matcher;
  }

  @Test
  void messageWhenAllowedThenAuthprivNoticeAndEveryFieldPerRfc5424() {
    Matcher message = parse(text(format.message(TestEvents.event(17).build())));

    assertThat(message.group("pri")).isEqualTo("85"); // authpriv (10) * 8 + notice (5)
    assertThat(message.group("version")).isEqualTo("1");
    assertThat(message.group("timestamp")).isEqualTo("2026-03-01T12:34:56.789Z");
    assertThat(message.group("hostname")).isEqualTo("vault.example.org");
    assertThat(message.group("app")).isEqualTo("watchword");
    assertThat(message.group("procid")).isEqualTo("4242");
    assertThat(message.group("msgid")).isEqualTo("code.release");
    assertThat(message.group("sd")).isEqualTo("[watchword@32473 seq=\"17\" actor=\"alice\" action=\"code.release\""
        + " vault=\"5b0e8a52-0000-4000-8000-000000000002\" entry=\"9d4c1f7e-0000-4000-8000-000000000003\""
        + " decision=\"allow\" ip=\"192.0.2.10\" session=\"s-123\"]");
    assertThat(message.group("msg")).startsWith("{").endsWith("}").contains("\"seq\":17", "\"reason\":\"INC-1\"");
  }

  @Test
  void messageWhenDeniedThenWarningSeverityAndRuleParameter() {
    SyslogFormat auth = new SyslogFormat(SyslogFormat.facilityCode("auth"), "host", 1);

    Matcher message = parse(text(auth.message(TestEvents.event(3).deny().rule("office-hours").build())));

    assertThat(message.group("pri")).isEqualTo("36"); // auth (4) * 8 + warning (4)
    assertThat(message.group("sd")).contains(" decision=\"deny\" rule=\"office-hours\" ");
  }

  @Test
  void structuredDataWhenValuesHoldQuoteBackslashAndBracketThenEscapedPerSection633() {
    String sd = SyslogFormat.structuredData(TestEvents.event(1).actor("a\"b\\c]d [x=\"y\"]").build());

    assertThat(sd).contains(" actor=\"a\\\"b\\\\c\\]d [x=\\\"y\\\"\\]\" ");
    parse("<85>1 - - - - - " + sd);
  }

  @Test
  void messageWhenTextIsNotAsciiThenParamValueIsUtf8AndMsgIsAsciiJsonWithoutBom() {
    byte[] bytes = format.message(TestEvents.event(2).actor("Zoë").reason("naïve ✓\nnext line").build());
    Matcher message = parse(text(bytes));

    assertThat(message.group("sd")).contains("actor=\"Zoë\"");
    String msg = message.group("msg");
    assertThat(msg.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).as(msg).isTrue();
    assertThat(msg).contains("Zo\\u00EB").contains("\\n").doesNotStartWith("\uFEFF");
  }

  @Test
  void msgIdWhenActionIsLongOrHasSpacesThenPrintableAsciiOfAtMost32() {
    Matcher message = parse(text(format.message(
        TestEvents.event(4).action("some very long action name.with spaces and more").build())));

    assertThat(message.group("msgid")).isEqualTo("some_very_long_action_name.with_").hasSize(32);
  }

  @Test
  void facilityCodeWhenNameOrNumberThenTable1CodeAndOtherwiseRefused() {
    assertThat(SyslogFormat.facilityCode("authpriv")).isEqualTo(10);
    assertThat(SyslogFormat.facilityCode("AUTH")).isEqualTo(4);
    assertThat(SyslogFormat.facilityCode("local7")).isEqualTo(23);
    assertThat(SyslogFormat.facilityCode("13")).isEqualTo(13);
    assertThatThrownBy(() -> SyslogFormat.facilityCode("24")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyslogFormat.facilityCode("secret")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void framesWhenBatchThenEachMessageOctetCountedInBytesPerRfc6587() {
    SyslogSink sink = new SyslogSink("127.0.0.1", 1, null, Duration.ofSeconds(1), format);
    try {
      byte[] frames = sink.frames(List.of(TestEvents.event(1).actor("Zoë").build(), TestEvents.event(2).build()));

      List<String> messages = OctetCounting.split(frames);
      assertThat(messages).hasSize(2);
      assertThat(messages.get(0)).contains("actor=\"Zoë\"");
      messages.forEach(SyslogFormatTest::parse);
    } finally {
      sink.close();
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
