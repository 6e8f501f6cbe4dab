export function App(props: { layout: 'overlay' | 'panel' }) {
  return <main aria-label="Holdspace">Holdspace ({props.layout})</main>;
}
