/// An error that can describe itself as a located diagnostic.
public protocol DiagnosticConvertible {
  var diagnostic: Diagnostic { get }
}
