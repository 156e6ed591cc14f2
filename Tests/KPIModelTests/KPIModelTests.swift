import Testing

@testable import KPIModel

@Test func placeholder() { #expect(Bool(true)) }
