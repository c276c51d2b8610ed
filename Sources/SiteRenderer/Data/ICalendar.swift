/// An iCalendar (RFC 5545) file: CRLF line endings, lines folded at 75
/// octets without splitting a UTF-8 character, and text values escaped.
struct ICalendar {
  /// One all-day event.
  struct Event {
    var uid: String
    var day: String  // YYYYMMDD
    var nextDay: String
    var summary: String
    var description: String
    var url: String?
  }

  var name: String
  var stamp: String  // YYYYMMDDTHHMMSSZ, fixed so output is reproducible
  var events: [Event] = []

  var bytes: [UInt8] {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//plansite//plansite//VI", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name),
    ]
    for event in events {
      lines += [
        "BEGIN:VEVENT", "UID:" + Self.escape(event.uid), "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + event.day, "DTEND;VALUE=DATE:" + event.nextDay,
        "SUMMARY:" + Self.escape(event.summary), "DESCRIPTION:" + Self.escape(event.description),
      ]
      if let url = event.url { lines.append("URL:" + url) }
      lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    }
    lines.append("END:VCALENDAR")
    var out: [UInt8] = []
    for line in lines { out += Self.fold(line) }
    return out
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
