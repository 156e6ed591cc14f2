import Testing

@testable import XLSXReader

@Test func placeholder() { #expect(Bool(true)) }
