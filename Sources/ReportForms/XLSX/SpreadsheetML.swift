import XMLCoder

/// The small part of SpreadsheetML (ECMA-376, the XML inside an `.xlsx`)
/// that a report form needs, as values XMLCoder writes and reads.
///
/// Written: one worksheet of text cells (inline strings, the text number
/// format `@`, so "1.10" stays "1.10" and dates stay as typed), a frozen
/// header row, column widths, a drop-down of the allowed status words, and
/// a second sheet of instructions. Read: what Excel, LibreOffice and Google
/// Sheets write back (shared strings, inline strings, numbers, rich text).
enum SpreadsheetML {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships"

  /// Keys written as XML attributes; every other key is an element.
  protocol Attributes: DynamicNodeEncoding {
    static var attributeKeys: Set<String> { get }
  }

  // MARK: - Package parts

  struct ContentTypes: Encodable, Attributes {
    struct Default: Encodable, Attributes {
      let fileExtension: String
      let contentType: String
      enum CodingKeys: String, CodingKey {
        case fileExtension = "Extension"
        case contentType = "ContentType"
      }
      static let attributeKeys: Set<String> = ["Extension", "ContentType"]
    }
    struct Override: Encodable, Attributes {
      let partName: String
      let contentType: String
      enum CodingKeys: String, CodingKey {
        case partName = "PartName"
        case contentType = "ContentType"
      }
      static let attributeKeys: Set<String> = ["PartName", "ContentType"]
    }
    let xmlns = "http://schemas.openxmlformats.org/package/2006/content-types"
    let defaults: [Default]
    let overrides: [Override]
    enum CodingKeys: String, CodingKey {
      case xmlns
      case defaults = "Default"
      case overrides = "Override"
    }
    static let attributeKeys: Set<String> = ["xmlns"]
  }

  struct Relationships: Codable, Attributes {
    struct Relationship: Codable, Attributes {
      let id: String
      let type: String
      let target: String
      enum CodingKeys: String, CodingKey {
        case id = "Id"
        case type = "Type"
        case target = "Target"
      }
      static let attributeKeys: Set<String> = ["Id", "Type", "Target"]
    }
    var xmlns: String? = SpreadsheetML.packageRelationships
    let relationships: [Relationship]
    enum CodingKeys: String, CodingKey {
      case xmlns
      case relationships = "Relationship"
    }
    static let attributeKeys: Set<String> = ["xmlns"]
  }

  struct Workbook: Codable, Attributes {
    struct Sheets: Codable {
      let sheet: [Sheet]
    }
    struct Sheet: Codable, Attributes, DynamicNodeDecoding {
      let name: String
      let sheetId: String?
      let relationship: String?
      /// `hidden` or `veryHidden` for a sheet the clerk does not see.
      var state: String? = nil
      enum CodingKeys: String, CodingKey {
        case name, sheetId, state
        case relationship = "r:id"
      }
      static let attributeKeys: Set<String> = ["name", "sheetId", "r:id", "state"]
    }
    var xmlns: String? = SpreadsheetML.main
    var xmlnsR: String? = SpreadsheetML.relationships
    let sheets: Sheets
    enum CodingKeys: String, CodingKey {
      case xmlns
      case xmlnsR = "xmlns:r"
      case sheets
    }
    static let attributeKeys: Set<String> = ["xmlns", "xmlns:r"]
  }

  // MARK: - Styles

  /// A `val="…"` element (`<sz val="11"/>`).
  struct Value: Encodable, Attributes {
    let val: String
    static let attributeKeys: Set<String> = ["val"]
  }

  /// An element with no content (`<b/>`).
  struct Empty: Encodable {}

  struct Styles: Encodable, Attributes {
    struct Fonts: Encodable, Attributes {
      let count: Int
      let font: [Font]
      static let attributeKeys: Set<String> = ["count"]
    }
    struct Font: Encodable {
      let b: Empty?
      let sz: Value
      let name: Value
    }
    struct Fills: Encodable, Attributes {
      let count: Int
      let fill: [Fill]
      static let attributeKeys: Set<String> = ["count"]
    }
    struct Fill: Encodable {
      let patternFill: PatternFill
    }
    struct PatternFill: Encodable, Attributes {
      let patternType: String
      let fgColor: Color?
      static let attributeKeys: Set<String> = ["patternType"]
    }
    struct Color: Encodable, Attributes {
      let rgb: String
      static let attributeKeys: Set<String> = ["rgb"]
    }
    struct Borders: Encodable, Attributes {
      let count: Int
      let border: [Border]
      static let attributeKeys: Set<String> = ["count"]
    }
    struct Border: Encodable {
      let left: Edge
      let right: Edge
      let top: Edge
      let bottom: Edge
    }
    struct Edge: Encodable, Attributes {
      let style: String?
      let color: Color?
      static let attributeKeys: Set<String> = ["style"]
    }
    struct Formats: Encodable, Attributes {
      let count: Int
      let xf: [Format]
      static let attributeKeys: Set<String> = ["count"]
    }
    struct Format: Encodable, Attributes {
      let numFmtId: Int
      let fontId: Int
      let fillId: Int
      let borderId: Int
      let xfId: Int?
      let applyNumberFormat: Int?
      let applyFont: Int?
      let applyFill: Int?
      let applyBorder: Int?
      let applyAlignment: Int?
      let alignment: Alignment?
      static let attributeKeys: Set<String> = [
        "numFmtId", "fontId", "fillId", "borderId", "xfId", "applyNumberFormat", "applyFont",
        "applyFill", "applyBorder", "applyAlignment",
      ]
    }
    struct Alignment: Encodable, Attributes {
      let vertical: String
      let wrapText: Int
      static let attributeKeys: Set<String> = ["vertical", "wrapText"]
    }
    let xmlns = SpreadsheetML.main
    let fonts: Fonts
    let fills: Fills
    let borders: Borders
    let cellStyleXfs: Formats
    let cellXfs: Formats
    static let attributeKeys: Set<String> = ["xmlns"]
  }

  // MARK: - Worksheets

  /// A text node that keeps its spaces and line breaks (`xml:space="preserve"`).
  struct Text: Codable, Attributes, DynamicNodeDecoding {
    var space: String? = "preserve"
    var value: String
    enum CodingKeys: String, CodingKey {
      case space = "xml:space"
      case value = ""
    }
    static let attributeKeys: Set<String> = ["xml:space"]

    init(_ value: String) {
      self.value = value
    }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      space = nil
      value = (try? container.decodeIfPresent(String.self, forKey: .value)) ?? ""
    }
  }

  /// A cell's own text (`<is>`) or a shared string (`<si>`): plain, or runs of rich text.
  struct RichString: Codable {
    var t: Text?
    var r: [Run]?

    struct Run: Codable {
      var t: Text?
    }

    var plain: String {
      if let t { return t.value }
      return (r ?? []).map { $0.t?.value ?? "" }.joined()
    }
  }

  struct Worksheet: Encodable, Attributes {
    struct SheetViews: Encodable {
      let sheetView: SheetView
    }
    struct SheetView: Encodable, Attributes {
      let workbookViewId = 0
      let pane: Pane?
      static let attributeKeys: Set<String> = ["workbookViewId"]
    }
    struct Pane: Encodable, Attributes {
      let ySplit: Int
      let topLeftCell: String
      let activePane = "bottomLeft"
      let state = "frozen"
      static let attributeKeys: Set<String> = ["ySplit", "topLeftCell", "activePane", "state"]
    }
    struct Columns: Encodable {
      let col: [Column]
    }
    struct Column: Encodable, Attributes {
      let min: Int
      let max: Int
      let width: Double
      let customWidth = 1
      static let attributeKeys: Set<String> = ["min", "max", "width", "customWidth"]
    }
    struct SheetData: Encodable {
      let row: [Row]
    }
    struct Row: Encodable, Attributes {
      let r: Int
      let c: [Cell]
      static let attributeKeys: Set<String> = ["r"]
    }
    struct Cell: Encodable, Attributes {
      let r: String
      let s: Int
      let t = "inlineStr"
      let `is`: RichString
      static let attributeKeys: Set<String> = ["r", "s", "t"]
    }
    struct Validations: Encodable, Attributes {
      let count: Int
      let dataValidation: [Validation]
      static let attributeKeys: Set<String> = ["count"]
    }
    struct Validation: Encodable, Attributes {
      let type = "list"
      let allowBlank = 1
      let showInputMessage = 1
      let showErrorMessage = 1
      let errorTitle: String
      let error: String
      let promptTitle: String
      let prompt: String
      let sqref: String
      let formula1: String
      static let attributeKeys: Set<String> = [
        "type", "allowBlank", "showInputMessage", "showErrorMessage", "errorTitle", "error",
        "promptTitle", "prompt", "sqref",
      ]
    }
    let xmlns = SpreadsheetML.main
    let sheetViews: SheetViews
    let cols: Columns
    let sheetData: SheetData
    let dataValidations: Validations?
    static let attributeKeys: Set<String> = ["xmlns"]
  }

  // MARK: - Reading back

  /// A worksheet as any program writes it; only cells are read.
  struct ReadWorksheet: Decodable {
    struct SheetData: Decodable {
      let row: [Row]?
    }
    struct Row: Decodable, DynamicNodeDecoding {
      let r: Int?
      let c: [Cell]?
      static func nodeDecoding(for key: CodingKey) -> XMLDecoder.NodeDecoding {
        key.stringValue == "r" ? .attribute : .element
      }
    }
    struct Cell: Decodable, DynamicNodeDecoding {
      let r: String?
      /// The cell's style: an index into the styles' `cellXfs`.
      let s: Int?
      let t: String?
      let v: String?
      let `is`: RichString?
      /// The cell's formula, if it has one; only whether it has one is read.
      let f: Formula?
      static func nodeDecoding(for key: CodingKey) -> XMLDecoder.NodeDecoding {
        ["r", "s", "t"].contains(key.stringValue) ? .attribute : .element
      }
    }
    struct Formula: Decodable {
      init(from decoder: Decoder) throws {}
    }
    struct MergeCells: Decodable {
      let mergeCell: [MergeCell]?
    }
    /// Cells merged into one (`M2:M5`): only the first holds a value.
    struct MergeCell: Decodable, DynamicNodeDecoding {
      let ref: String
      static func nodeDecoding(for key: CodingKey) -> XMLDecoder.NodeDecoding { .attribute }
    }
    let sheetData: SheetData?
    let mergeCells: MergeCells?
  }

  /// The number formats of a workbook's styles (`xl/styles.xml`): enough
  /// to tell a percentage cell (Excel shows 1 as "100%").
  struct ReadStyles: Decodable {
    struct NumberFormats: Decodable {
      let numFmt: [NumberFormat]?
    }
    struct NumberFormat: Decodable, DynamicNodeDecoding {
      let numFmtId: Int
      let formatCode: String
      static func nodeDecoding(for key: CodingKey) -> XMLDecoder.NodeDecoding { .attribute }
    }
    struct Formats: Decodable {
      let xf: [Format]?
    }
    struct Format: Decodable, DynamicNodeDecoding {
      let numFmtId: Int?
      static func nodeDecoding(for key: CodingKey) -> XMLDecoder.NodeDecoding { .attribute }
    }
    let numFmts: NumberFormats?
    let cellXfs: Formats?

    /// Whether each cell style shows its number as a percentage: the
    /// built-in formats 9 (`0%`) and 10 (`0.00%`), or a format of the
    /// workbook's own whose code has a `%` outside quotes.
    var percentStyles: [Bool] {
      var percent: Set<Int> = [9, 10]
      for format in numFmts?.numFmt ?? [] where Self.isPercent(format.formatCode) {
        percent.insert(format.numFmtId)
      }
      return (cellXfs?.xf ?? []).map { percent.contains($0.numFmtId ?? 0) }
    }

    static func isPercent(_ code: String) -> Bool {
      var quoted = false
      var escaped = false
      for character in code {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          quoted.toggle()
        } else if character == "%", !quoted {
          return true
        }
      }
      return false
    }
  }

  /// The shared strings (`xl/sharedStrings.xml`).
  struct SharedStrings: Decodable {
    let si: [RichString]?
  }
}

extension SpreadsheetML.Attributes {
  static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
    attributeKeys.contains(key.stringValue) ? .attribute : .element
  }
}

/// Types read back decode their attributes the way they encode them.
protocol AttributeDecoding: SpreadsheetML.Attributes, DynamicNodeDecoding {}

extension AttributeDecoding {
  static func nodeDecoding(for key: CodingKey) -> XMLDecoder.NodeDecoding {
    attributeKeys.contains(key.stringValue) ? .attribute : .element
  }
}

extension SpreadsheetML.Relationships: AttributeDecoding {}
extension SpreadsheetML.Relationships.Relationship: AttributeDecoding {}
extension SpreadsheetML.Workbook: AttributeDecoding {}

extension SpreadsheetML.Workbook.Sheet {
  static func nodeDecoding(for key: CodingKey) -> XMLDecoder.NodeDecoding {
    // With namespaces processed, `r:id` is read as `id`.
    ["name", "sheetId", "state", "r:id", "id"].contains(key.stringValue) ? .attribute : .element
  }
}

extension SpreadsheetML.Text {
  static func nodeDecoding(for key: CodingKey) -> XMLDecoder.NodeDecoding {
    key.stringValue == "" ? .element : .attribute
  }
}
