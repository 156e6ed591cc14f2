import Testing
import XLSXReader

@Test func placeholder() { #expect(Bool(true)) }
