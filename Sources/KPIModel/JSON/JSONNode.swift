/// A parsed JSON value, objects keeping their keys in document order: what `JSONParser`
/// produces and `JSONReader` reads records from. Writing goes through `JSONWriter`.
enum JSONNode {
  case null
  case bool(Bool)
  case int(Int)
  case number(Double)
  case string(String)
  case array([JSONNode])
  case object([(key: String, value: JSONNode)])
}
