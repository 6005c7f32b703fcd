export default function ReportPage() {
  return <h2>Monthly report</h2>;
}
