using System;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>Whole-month arithmetic on UTC dates, the way the contract counts a term and the months after it.</summary>
    public static class CalendarMonths
    {
        /// <summary>Number of whole months from <paramref name="from"/> to <paramref name="to"/> (0 when to is before from).</summary>
        public static int WholeMonthsBetween(DateTime from, DateTime to)
        {
            if (to < from) return 0;
            int months = (to.Year - from.Year) * 12 + to.Month - from.Month;
            if (from.AddMonths(months) > to) months--;
            return Math.Max(0, months);
        }

        /// <summary>Midnight UTC of the given moment's UTC day.</summary>
        public static DateTime UtcDay(DateTime moment)
        {
            var utc = moment.Kind == DateTimeKind.Local ? moment.ToUniversalTime() : moment;
            return new DateTime(utc.Year, utc.Month, utc.Day, 0, 0, 0, DateTimeKind.Utc);
        }

        public static string Format(DateTime day)
        {
            return day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
