import PlanModel
import SiteCore

/// A kind of page: the value it is rendered from, and how.
///
/// `view` is static and receives the input and the page's tools (links,
/// partials), never the plan: whatever a page shows must be in its input,
/// so the input's digest (`OutputJob`) cannot miss a change.
protocol PageKind: SendableMetatype {
  associatedtype Input: Encodable & Sendable
  /// The template that renders the page (a file in `Templates/`, without `.mustache`).
  static var template: String { get }
  /// The page's title, description, trail and own fields.
  static func view(_ input: Input, _ tools: PageTools) -> PageContent
}

/// What a page's view may use besides its input: relative links from the
/// page, and partials rendered once and reused.
struct PageTools {
  let link: Linker
  let fragments: Fragments
}

/// What a page adds to the shared layout: its title, trail and own fields.
struct PageContent {
  /// The page title (also the `<h1>`).
  var title: String
  /// One sentence for search engines and link previews.
  var description: String
  /// The pages above this one, from the home page down (the current page is added last).
  var trail: [(label: String, route: Route)]
  /// The template fields specific to the page.
  var fields: [String: Any]
}

extension Dictionary where Key == String, Value == Any {
  /// A template item of `fields`, with room for `room` fields in all: an
  /// item that gains fields after these (a status badge, a report link) is
  /// then not moved into bigger tables on the way (a task's holders and
  /// timeline rows, 1.3 % of a build with reports).
  init(room: Int, _ fields: KeyValuePairs<String, Any>) {
    self.init(minimumCapacity: room)
    for (key, value) in fields { self[key] = value }
  }
}
