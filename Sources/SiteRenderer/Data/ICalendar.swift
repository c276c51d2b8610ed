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
    var out = ""
    for character in text {
      switch character {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n", "\r\n", "\r": out += "\\n"
      default: out.append(character)
      }
    }
    return out
  }

  /// The line as CRLF-terminated octets, folded so no physical line exceeds
  /// 75 octets; continuation lines start with one space.
  static func fold(_ line: String) -> [UInt8] {
    var out: [UInt8] = []
    var lineLength = 0
    for scalar in line.unicodeScalars {
      let encoded = Array(String(scalar).utf8)
      if lineLength + encoded.count > 75 {
        out += [0x0D, 0x0A, 0x20]
        lineLength = 1
      }
      out += encoded
      lineLength += encoded.count
    }
    return out + [0x0D, 0x0A]
  }
}
