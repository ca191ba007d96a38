using Concord.Core;
using Concord.Core.Programme;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Concord.Web.Programme;

/// <summary>What a committee report holds when it is produced: its text, and the live tables.</summary>
public sealed record ReportContent(
    CommitteeReport Report,
    string Authority,
    string? OptionTitle,
    IReadOnlyList<Risk> Risks,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyDictionary<Guid, string> OptionTitles)
{
    /// <summary>The report's numbered sections, in the councils' order; the tables come in between.</summary>
    public IReadOnlyList<(string Heading, string Text)> TextSections => [
        ("Purpose of the report", Report.Purpose),
        ("Background", Report.Background),
        ("Information", Report.Information),
    ];

    public IReadOnlyList<(string Heading, string Text)> ImplicationSections => [
        ("Financial implications", Report.Financial),
        ("Legal implications", Report.Legal),
        ("Human resources implications", Report.HumanResources),
        ("Equalities implications", Report.Equalities),
    ];

    public static IReadOnlyList<string> RiskHeadings => ["Ref", "Risk", "Implication", "Planned action", "Owner", "Current score"];

    public static IReadOnlyList<string> MilestoneHeadings => ["Milestone", "Expected", "Baseline", "Status", "Approvals"];

    public IEnumerable<string[]> RiskRows => Risks.Select(r => new[]
    {
        r.Reference, r.Title, r.Implication, r.Mitigation, r.Owner, $"{r.Current.Value} ({r.Current.Rating.ToString().ToLowerInvariant()})",
    });

    public IEnumerable<string[]> MilestoneRows => Milestones.Select(v => new[]
    {
        v.Milestone.Description,
        Formats.Date(v.Milestone.ExpectedDate),
        Formats.Date(v.Milestone.BaselineDate),
        v.Milestone.Status.Display() + (v.Milestone.ActualDate is { } a ? $" ({Formats.Date(a)})" : string.Empty),
        string.Join("; ", v.Approvals.Select(a => $"{a.Authority}: {a.Body}{(a.Meeting is { } m ? $", {Formats.Date(m.Date)}" : ", not scheduled")}"))
            + (v.Flags.Count > 0 ? $". Out of step: {string.Join("; ", v.Flags.Select(f => f.Message))}" : string.Empty),
    });
}

/// <summary>
/// Writes a committee report as a Word document with the Open XML SDK, in the councils' structure:
/// purpose, background, information, risks table, milestones table, financial, legal, HR,
/// equalities, recommendations and the officer to contact.
/// </summary>
public static class CommitteeReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(ReportContent content)
    {
        var report = content.Report;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var body = new Body();
            main.Document = new Document(body);
            document.PackageProperties.Title = report.Title;
            document.PackageProperties.Creator = report.OfficerName;

            body.Append(Paragraph(content.Authority, "Subtitle"));
            body.Append(Paragraph(report.Title, "Title"));
            body.Append(Facts(
                ("Report to", report.CommitteeName),
                ("Date of meeting", Formats.Date(report.MeetingDate)),
                ("Report of", $"{report.OfficerName}, {report.OfficerJobTitle}"),
                ("Subject", content.OptionTitle ?? "The shared services programme")));

            var number = 1;
            foreach (var (heading, text) in content.TextSections)
            {
                Section(body, number++, heading, text);
            }

            body.Append(Paragraph($"{number++}. Risks", "Heading1"));
            body.Append(content.Risks.Count == 0
                ? Paragraph("No open risks are recorded.", null)
                : Table(ReportContent.RiskHeadings, content.RiskRows));
            body.Append(Paragraph($"{number++}. Milestones", "Heading1"));
            body.Append(content.Milestones.Count == 0
                ? Paragraph("No milestones are recorded.", null)
                : Table(ReportContent.MilestoneHeadings, content.MilestoneRows));

            foreach (var (heading, text) in content.ImplicationSections)
            {
                Section(body, number++, heading, text);
            }

            Section(body, number, "Recommendations", report.Recommendations);

            body.Append(Paragraph("Contact officer", "Heading1"));
            body.Append(Facts(
                ("Name", report.OfficerName),
                ("Job title", report.OfficerJobTitle),
                ("Email", report.OfficerEmail),
                ("Telephone", report.OfficerPhone ?? "Not given")));
            body.Append(Paragraph($"Tables generated by Concord from the programme's records on {Formats.Date(Formats.UkDate(DateTimeOffset.UtcNow))}.", "Caption"));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void Section(Body body, int number, string heading, string text)
    {
        body.Append(Paragraph($"{number}. {heading}", "Heading1"));
        foreach (var block in text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var line in lines)
            {
                body.Append(line.StartsWith('\u2022')
                    ? Paragraph(line.TrimStart('\u2022', ' '), "ListBullet")
                    : Paragraph(line, null));
            }
        }
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }

    private static Table Facts(params (string Label, string Value)[] facts) =>
        Table(null, facts.Select(f => new[] { f.Label, f.Value }), firstColumnBold: true);

    private static Table Table(IReadOnlyList<string>? headings, IEnumerable<string[]> rows, bool firstColumnBold = false)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "ConcordTable" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" })));
        if (headings is not null)
        {
            var header = new TableRow(new TableRowProperties(new TableHeader()));
            header.Append(headings.Select(h => Cell(h, bold: true)));
            table.Append(header);
        }

        foreach (var row in rows)
        {
            var line = new TableRow();
            line.Append(row.Select((value, i) => Cell(value, bold: firstColumnBold && i == 0)));
            table.Append(line);
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return new TableCell(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "60" }), run));
    }

    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, int halfPoints, bool bold, string? spacingAfter = "120", string colour = "0B0C0C") => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Before = bold ? "240" : "0", After = spacingAfter }, new KeepNext()),
            new StyleRunProperties(bold ? new Bold() : new Bold { Val = false }, new FontSize { Val = halfPoints.ToString(Formats.UkCulture) }, new Color { Val = colour }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "24" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };
        var bullet = new Style(
            new StyleName { Val = "List Bullet" },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "ListBullet",
        };
        var table = new Style(new StyleName { Val = "Concord Table" }, new BasedOn { Val = "TableNormal" })
        {
            Type = StyleValues.Table,
            StyleId = "ConcordTable",
        };
        return new Styles(normal, Paragraph("Title", "Title", 40, true), Paragraph("Subtitle", "Subtitle", 28, false, colour: "505A5F"),
            Paragraph("Heading1", "heading 1", 30, true), Paragraph("Caption", "caption", 18, false, colour: "505A5F"), bullet, table);
    }
}
