using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concord.Web.Infrastructure.Forms;

/// <summary>
/// GOV.UK Design System form fields as tag helpers: label, hint, error message and control, with
/// the ids, classes and aria-describedby that the Design System and the error summary expect.
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    /// <summary>Size of the label or legend: "s", "m", "l" or "xl". Empty for the body size.</summary>
    public string? LabelSize { get; set; }

    /// <summary>The label or legend is the page's heading (one-question pages).</summary>
    public bool IsPageHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");

    protected IReadOnlyList<string> Errors =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).ToList()
            : [];

    protected bool HasError => Errors.Count > 0;

    /// <summary>What the person entered (kept when the form comes back with errors), else the model's value.</summary>
    protected string? Value(string? name = null)
    {
        name ??= Name;
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return name == Name ? Convert.ToString(For.Model, CultureInfo.InvariantCulture) : null;
    }

    protected string DescribedBy => string.Join(' ',
        new[] { Hint is null ? null : $"{Id}-hint", HasError ? $"{Id}-error" : null }.OfType<string>());

    protected string AriaDescribedBy => DescribedBy.Length == 0 ? string.Empty : $" aria-describedby=\"{DescribedBy}\"";

    protected void AppendHintAndError(StringBuilder html)
    {
        if (Hint is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>");
        }

        if (HasError)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(Errors[0])}</p>");
        }
    }

    protected string SizeClass(string element) =>
        string.IsNullOrEmpty(LabelSize) ? string.Empty : $" govuk-{element}--{LabelSize}";

    protected void Render(TagHelperOutput output, StringBuilder html)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(html.ToString());
    }

    protected string LabelHtml(string extraClass = "")
    {
        var label = $"<label class=\"govuk-label{SizeClass("label")}{extraClass}\" for=\"{Id}\">{E(Label)}</label>";
        return IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string LegendHtml() => IsPageHeading
        ? $"<legend class=\"govuk-fieldset__legend{SizeClass("fieldset__legend")}\"><h1 class=\"govuk-fieldset__heading\">{E(Label)}</h1></legend>"
        : $"<legend class=\"govuk-fieldset__legend{SizeClass("fieldset__legend")}\">{E(Label)}</legend>";

    protected string GroupClass => HasError ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkFieldTagHelper
{
    public string Type { get; set; } = "text";

    /// <summary>Fixed width class suffix, for example "20" or "one-half".</summary>
    public string? Width { get; set; }

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{GroupClass}\">");
        html.Append(LabelHtml());
        AppendHintAndError(html);
        var classes = "govuk-input" + (Width is null ? string.Empty : Width.All(char.IsDigit) ? $" govuk-input--width-{Width}" : $" govuk-!-width-{Width}") + (HasError ? " govuk-input--error" : string.Empty);
        var value = Type == "password" ? string.Empty : Value();
        html.Append(CultureInfo.InvariantCulture, $"<input class=\"{classes}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"{E(Type)}\" value=\"{E(value)}\"{AriaDescribedBy}");
        if (Autocomplete is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" autocomplete=\"{E(Autocomplete)}\"");
        }

        if (Inputmode is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" inputmode=\"{E(Inputmode)}\"");
        }

        if (!Spellcheck)
        {
            html.Append(" spellcheck=\"false\"");
        }

        html.Append("></div>");
        Render(output, html);
    }
}

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{GroupClass}\">");
        html.Append(LabelHtml());
        AppendHintAndError(html);
        html.Append(CultureInfo.InvariantCulture, $"<textarea class=\"govuk-textarea{(HasError ? " govuk-textarea--error" : string.Empty)}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{AriaDescribedBy}>{E(Value())}</textarea></div>");
        Render(output, html);
    }
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder();
        var current = Value();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{GroupClass}\">");
        html.Append(LabelHtml());
        AppendHintAndError(html);
        html.Append(CultureInfo.InvariantCulture, $"<select class=\"govuk-select{(HasError ? " govuk-select--error" : string.Empty)}\" id=\"{Id}\" name=\"{E(Name)}\"{AriaDescribedBy}>");
        foreach (var item in Items)
        {
            var selected = string.Equals(item.Value, current, StringComparison.Ordinal) ? " selected" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(item.Value)}\"{selected}>{E(item.Text)}</option>");
        }

        html.Append("</select></div>");
        Render(output, html);
    }
}

/// <summary>Radios or checkboxes in a fieldset. Checkboxes post each checked value under the same name.</summary>
public abstract class GovUkChoicesTagHelper : GovUkFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public bool Inline { get; set; }

    protected abstract string Kind { get; }

    protected abstract bool IsChecked(SelectListItem item);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{GroupClass}\"><fieldset class=\"govuk-fieldset\"{AriaDescribedBy}>");
        html.Append(LegendHtml());
        AppendHintAndError(html);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-{Kind}{(Inline ? $" govuk-{Kind}--inline" : string.Empty)}\" data-module=\"govuk-{Kind}\">");
        var index = 0;
        foreach (var item in Items)
        {
            var itemId = index == 0 ? Id : $"{Id}-{index + 1}";
            var type = Kind == "radios" ? "radio" : "checkbox";
            var check = IsChecked(item) ? " checked" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-{Kind}__item\"><input class=\"govuk-{Kind}__input\" id=\"{itemId}\" name=\"{E(Name)}\" type=\"{type}\" value=\"{E(item.Value)}\"{check}>");
            html.Append(CultureInfo.InvariantCulture, $"<label class=\"govuk-label govuk-{Kind}__label\" for=\"{itemId}\">{E(item.Text)}</label></div>");
            index++;
        }

        html.Append("</div></fieldset></div>");
        Render(output, html);
    }
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkChoicesTagHelper
{
    protected override string Kind => "radios";

    protected override bool IsChecked(SelectListItem item) => string.Equals(item.Value, Value(), StringComparison.Ordinal);
}

[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxesTagHelper : GovUkChoicesTagHelper
{
    protected override string Kind => "checkboxes";

    protected override bool IsChecked(SelectListItem item)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string one => one == item.Value,
                string[] many => many.Contains(item.Value),
                _ => false,
            };
        }

        return For.Model is System.Collections.IEnumerable values && values.Cast<object>().Any(v => Convert.ToString(v, CultureInfo.InvariantCulture) == item.Value);
    }
}

[HtmlTargetElement("govuk-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateTagHelper : GovUkFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{GroupClass}\"><fieldset class=\"govuk-fieldset\" role=\"group\"{AriaDescribedBy}>");
        html.Append(LegendHtml());
        AppendHintAndError(html);
        html.Append("<div class=\"govuk-date-input\">");
        var model = For.Model as DateInput ?? new DateInput();
        foreach (var (part, text, width, value) in new[] { ("Day", "Day", 2, model.Day), ("Month", "Month", 2, model.Month), ("Year", "Year", 4, model.Year) })
        {
            var name = $"{Name}.{part}";
            // The day box takes the field's own id, so that the error summary's link lands in it.
            var id = part == "Day" ? Id : $"{Id}_{part}";
            var entered = Value(name) ?? value;
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{text}</label>");
            html.Append(CultureInfo.InvariantCulture, $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(HasError ? " govuk-input--error" : string.Empty)}\" id=\"{id}\" name=\"{E(name)}\" type=\"text\" inputmode=\"numeric\" value=\"{E(entered)}\"></div></div>");
        }

        html.Append("</div></fieldset></div>");
        Render(output, html);
    }
}
