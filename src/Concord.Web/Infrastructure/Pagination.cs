namespace Concord.Web.Infrastructure;

/// <summary>What the _Pagination partial shows: the page, how many there are, each page's address, and what the pages are of ("Pages of changes").</summary>
public sealed record Pagination(int Page, int Pages, Func<int, string> Link, string Label);
