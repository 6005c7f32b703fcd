import { createBrowserRouter, NavLink, Outlet, RouterProvider } from 'react-router-dom';
import { Home } from './pages/Home';

function Layout() {
  return (
    <>
      <header className="site-header">
        <NavLink to="/" className="brand">
          perfkit
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/">Home</NavLink>
        </nav>
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}

const router = createBrowserRouter([
  { path: '/', element: <Layout />, children: [{ index: true, element: <Home /> }] },
]);

export function App() {
  return <RouterProvider router={router} />;
}
