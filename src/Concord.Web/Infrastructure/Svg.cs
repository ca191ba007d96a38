using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Concord.Web.Infrastructure;

/// <summary>Pieces of inline SVG charts that Razor cannot write itself (it reserves &lt;text&gt;).</summary>
public static class Svg
{
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An SVG text element at (x, y), its content encoded.</summary>
    public static IHtmlContent Text(double x, double y, string anchor, string fill, string content, int size = 15) =>
        new HtmlString($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{size.ToString(CultureInfo.InvariantCulture)}\" text-anchor=\"{anchor}\" fill=\"{fill}\">{HtmlEncoder.Default.Encode(content)}</text>");
}
