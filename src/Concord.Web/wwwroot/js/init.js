// Tells GOV.UK Frontend's styles that JavaScript runs (instead of an inline script, which the
// Content-Security-Policy forbids).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
