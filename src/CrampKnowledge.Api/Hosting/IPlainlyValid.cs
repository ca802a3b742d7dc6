namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// A validator that can tell, without FluentValidation's rule machinery, that a value is valid.
/// <see cref="ValidationFilter{T}"/> asks it first and runs the full validator only when it says no,
/// so only an invalid request pays for the rules that word its errors.
/// </summary>
internal interface IPlainlyValid<in T>
{
    /// <summary>True only when the full validator finds no error; false when it would, or when unsure.</summary>
    bool IsPlainlyValid(T value);
}
