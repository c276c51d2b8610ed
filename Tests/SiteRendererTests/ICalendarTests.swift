import SiteCore
import TestSupport
import Testing

@testable import SiteRenderer

/// The agencies' calendars are written in one pass; they must be what the
/// RFC 5545 rules applied line by line give (`escape`, then `fold`, below).
@Suite struct ICalendarTests {
  @Test func writesEscapedFoldedLinesInOnePass() {
    var random = SeededGenerator(seed: 5545)
    let pieces = [
      "a", "Z", " ", "\\", ";", ",", "\r", "\n", "\r\n", "ệ", "Đ", "€", "𝔸", "👍🏽", "xã ", "1",
      String(repeating: "b", count: 70), String(repeating: "ồ", count: 40),
    ]
    func text() -> String {
      (0..<Int(random.next() % 60)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
        .joined()
    }
    for _ in 0..<300 {
      var calendar = ICalendar(name: text(), stamp: "20261127T000000Z")
      for _ in 0..<Int(random.next() % 4) {
        calendar.events.append(
          ICalendar.Event(
            uid: text(), day: "20261127", nextDay: "20261128", summary: text(),
            description: text(), url: random.next() % 2 == 0 ? nil : "https://x.vn/" + text()))
      }
      #expect(calendar.bytes == Self.reference(calendar))
    }
  }

  /// The file line by line: each line escaped, then folded.
  static func reference(_ calendar: ICalendar) -> [UInt8] {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//plansite//plansite//VI", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(calendar.name),
    ]
    for event in calendar.events {
      lines += [
        "BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + calendar.stamp,
        "DTSTART;VALUE=DATE:" + event.day, "DTEND;VALUE=DATE:" + event.nextDay,
        "SUMMARY:" + escape(event.summary), "DESCRIPTION:" + escape(event.description),
      ]
      if let url = event.url { lines.append("URL:" + url) }
      lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    }
    lines.append("END:VCALENDAR")
    return lines.flatMap(fold)
  }

  /// TEXT escaping: backslash, semicolon, comma and newlines.
  static func escape(_ text: String) -> String {
    var out: [UInt8] = []
    var previousCR = false
    for byte in text.utf8 {
      switch byte {
      case 0x5C: out += [0x5C, 0x5C]
      case 0x3B: out += [0x5C, 0x3B]
      case 0x2C: out += [0x5C, 0x2C]
      case 0x0D: out += [0x5C, 0x6E]
      case 0x0A where previousCR: break
      case 0x0A: out += [0x5C, 0x6E]
      default: out.append(byte)
      }
      previousCR = byte == 0x0D
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The line as CRLF-terminated octets, folded so no physical line exceeds
  /// 75 octets (never inside a UTF-8 character); continuation lines start
  /// with one space.
  static func fold(_ line: String) -> [UInt8] {
    var out: [UInt8] = []
    var lineLength = 0
    let bytes = Array(line.utf8)
    var i = 0
    while i < bytes.count {
      let lead = bytes[i]
      let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      if lineLength + length > 75 {
        out += [0x0D, 0x0A, 0x20]
        lineLength = 1
      }
      out += bytes[i..<min(i + length, bytes.count)]
      lineLength += length
      i += length
    }
    return out + [0x0D, 0x0A]
  }
}
