namespace CrampKnowledge.Api.Contracts;

/// <summary>The text every response carrying health information repeats in its <c>disclaimer</c> field.</summary>
public static class Disclaimer
{
    public const string Text =
        "General information drawn from the cited articles, not medical advice, diagnosis or treatment. "
        + "Talk to a doctor or other qualified clinician about your own symptoms, "
        + "and see one if any red flag applies.";
}
