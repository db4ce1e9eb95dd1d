import Foundation
import Measurements
import Testing

/// Billing periods in UTC and linear run-rate projections, worked by hand.
@Suite struct PeriodProjectionTests {
  static let day = 86_400.0
  /// 2026-02-01T00:00:00Z and 2026-03-01T00:00:00Z.
  static let february = 1_769_904_000.0
  static let march = 1_772_323_200.0

  @Test func calendarPeriods() throws {
    // 2026-02-11T12:00Z, a Wednesday.
    let instant = Self.february + 10.5 * Self.day
    let month = try #require(BillingPeriod.month.bounds(containing: instant))
    #expect(month.start == Self.february && month.end == Self.march)
    // The ISO week from Monday 2026-02-09.
    let week = try #require(BillingPeriod.week.bounds(containing: instant))
    #expect(week.start == Self.february + 8 * Self.day && week.end == week.start + 7 * Self.day)
    // Q1 2026: January 1st to April 1st, 90 days.
    let quarter = try #require(BillingPeriod.quarter.bounds(containing: instant))
    #expect(quarter.start == 1_767_225_600 && quarter.end == quarter.start + 90 * Self.day)
    // December rolls into the next year; a Monday starts its own week.
    let december = try #require(
      BillingPeriod.month.bounds(containing: 1_796_083_200 + 30 * Self.day))
    #expect(december == (start: 1_796_083_200, end: 1_798_761_600))
    let monday = try #require(BillingPeriod.week.bounds(containing: Self.february + 8 * Self.day))
    #expect(monday.start == Self.february + 8 * Self.day)
    // Sunday 2026-03-01 belongs to the week from Monday 2026-02-23.
    let sunday = try #require(BillingPeriod.week.bounds(containing: Self.march + 3_600))
    #expect(sunday.start == Self.march - 6 * Self.day)
    #expect(BillingPeriod.month.bounds(containing: .nan) == nil)
    #expect(BillingPeriod.quarter.bounds(containing: 1e300) == nil)
  }

  /// 70 EUR spent in the first 7 of February's 28 days: a quarter elapsed, 280 projected.
  @Test func perEventProjection() throws {
    let spend = TimeSeries(
      times: [
        Self.february - Self.day, Self.february, Self.february + 3 * Self.day,
        Self.february + 8 * Self.day,
      ],
      values: [500, 30, 40, 1_000])
    let projection = try #require(
      PeriodProjection.project(
        spend, recording: .perEvent, period: .month, at: Self.february + 7 * Self.day
      )
      .projection)
    #expect(projection.spendToDate == 70)
    #expect(projection.elapsedFraction == 0.25)
    #expect(projection.projectedTotal == 280)
    #expect(projection.runRate == 70 / (7 * Self.day))
  }

  @Test func cumulativeRecordings() throws {
    let at = Self.february + 14 * Self.day
    let toDate = TimeSeries(
      times: [Self.february + Self.day, Self.february + 10 * Self.day], values: [5, 60])
    #expect(
      PeriodProjection.project(toDate, recording: .periodToDate, period: .month, at: at).projection?
        .projectedTotal == 120)
    let meter = TimeSeries(times: [Self.february - 100, at - 1], values: [1_000, 1_050])
    #expect(
      PeriodProjection.project(meter, recording: .runningTotal, period: .month, at: at).projection?
        .spendToDate == 50)
    let noBaseline = TimeSeries(times: [at - 1], values: [1_050])
    #expect(
      PeriodProjection.project(noBaseline, recording: .runningTotal, period: .month, at: at)
        == .insufficientData(.noBaseline, periodStart: Self.february, periodEnd: Self.march))
  }

  @Test func instantOutOfRange() {
    let spend = TimeSeries(times: [Self.february], values: [10])
    #expect(
      PeriodProjection.project(spend, recording: .perEvent, period: .month, at: .infinity)
        == .instantOutOfRange)
  }

  @Test func noElapsedTime() {
    let spend = TimeSeries(times: [Self.february], values: [10])
    #expect(
      PeriodProjection.project(spend, recording: .perEvent, period: .month, at: Self.february)
        == .insufficientData(.noElapsedTime, periodStart: Self.february, periodEnd: Self.march))
    #expect(
      PeriodProjection.project(
        TimeSeries(times: [], values: []), recording: .periodToDate, period: .week,
        at: Self.february
      )
      .projection == nil)
  }
}
