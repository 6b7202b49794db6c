/// Which answers an association counts as positive in a survey's share against its goal: the
/// positive ones alone ("Alltid", "Oftast", "Ofta"; "Helt och hållet", "Till stor del"), or those
/// and the middle answer ("Ibland", "Delvis"), as seed 004 reads its goal both ways. Results show
/// both shares; this says which one the goal is judged by.
public enum SurveyShareReading: String, CaseIterable, Sendable, Hashable, Codable {
    case positive
    case withMiddle = "with-middle"
}
